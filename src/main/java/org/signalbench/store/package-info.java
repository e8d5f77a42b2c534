/**
 * The SQLite workbench: opening and migrating the file, connections and sessions, the one
 * transaction helper, and the repositories that read and write its tables (posts, import runs). The
 * only package meant to speak JDBC; the classes outside it that still do are listed in
 * ArchitectureRules and only shrink. Depends on {@code domain} only.
 */
package org.signalbench.store;
