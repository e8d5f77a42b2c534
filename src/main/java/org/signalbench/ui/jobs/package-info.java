/**
 * The view of running jobs: progress, time left and cancel.
 */
package org.signalbench.ui.jobs;
