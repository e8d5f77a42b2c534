/**
 * The baseline classifiers (decision tree, random forest, linear and kernel SVM) over TF-IDF
 * features, trained through Tribuo.
 */
package org.signalbench.models.baselines;
