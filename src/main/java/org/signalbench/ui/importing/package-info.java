/**
 * The Import view: choosing files, running the import as a job, and its outcome.
 */
package org.signalbench.ui.importing;
