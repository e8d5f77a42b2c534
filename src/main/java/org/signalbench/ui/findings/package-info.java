/**
 * The Findings view: the findings tables, the editable lexicon, and saving tables and the report.
 */
package org.signalbench.ui.findings;
