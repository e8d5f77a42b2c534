/**
 * The Adjudicate view: an expert's list of disagreements, a post's history, and settling it.
 */
package org.signalbench.ui.adjudicate;
