/**
 * The Models view: cross-validation setup and live progress, stored runs, Table 1 beside the
 * published values, folds, ROC curves, confusion counts, paired tests, and exports.
 */
package org.signalbench.ui.models;
