/**
 * Long work as jobs: progress with time left, cancellation, and sub-progress for units within a
 * job. Used by both front ends.
 */
package org.signalbench.jobs;
