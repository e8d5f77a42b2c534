/**
 * The application layer: one use-case service per thing a researcher does (importing, an annotation
 * session, adjudication, agreement, findings, cross-validation, final models and scoring), called
 * alike by the command line and the JavaFX view models. Services own their connections ({@code
 * store.Session}) and transactions, take the settings as an explicit {@link
 * org.signalbench.app.Settings} value loaded once at the edge, and share one {@link
 * org.signalbench.app.WorkbenchCorpus}, the owner of the preprocessed corpus.
 */
package org.signalbench.app;
