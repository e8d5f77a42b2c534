/**
 * Models and their evaluation: the labelled corpus, stratified folds, cross-validation with stored
 * runs, folds and predictions, metrics and paired tests, the model catalogue, final models and
 * scoring.
 */
package org.signalbench.models;
