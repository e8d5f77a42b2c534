/**
 * The LSTM classifier of the study: presets, training with early stopping, and its fused
 * implementation.
 */
package org.signalbench.models.lstm;
