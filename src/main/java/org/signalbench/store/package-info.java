/**
 * The SQLite workbench: opening and migrating the file, connections and sessions, the one
 * transaction helper, and one repository per aggregate, the sole writer of its tables: posts
 * ({@code PostWriter}), import runs ({@code ImportRuns}), coders with their labels and adjudications
 * ({@code Labels}), cross-validation runs with their folds and predictions ({@code ModelRuns}), final
 * models and their scores ({@code FinalModelRecords}), beside the bulk reads of the findings and
 * statistics. The only package that speaks JDBC: its public methods raise {@code StoreException},
 * never JDBC's checked exception. Depends on {@code domain} only.
 */
package org.signalbench.store;
