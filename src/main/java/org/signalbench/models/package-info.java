/**
 * Models and their evaluation: the labelled corpus, stratified folds, cross-validation with stored
 * runs, folds and predictions ({@link org.signalbench.models.RunStore} over {@code store.ModelRuns}),
 * metrics and paired tests, the model catalogue, final models and scoring ({@link
 * org.signalbench.models.FinalModels} over {@code store.FinalModelRecords}). No SQL here.
 */
package org.signalbench.models;
