/**
 * The study's findings tables: dealer-post figures, the drug-hashtag breakdown (lexicons), contact
 * and exchange patterns, hashtag discovery, masking of personal data, and the HTML report with its
 * charts.
 */
package org.signalbench.findings;
