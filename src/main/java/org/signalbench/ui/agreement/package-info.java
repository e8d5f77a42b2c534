/**
 * The Agreement view: agreement per pair, question and week, Fleiss' kappa, and the posts behind a
 * confusion cell.
 */
package org.signalbench.ui.agreement;
