/**
 * What the views share: the current workbench, background tasks, durations and other small helpers.
 */
package org.signalbench.ui.common;
