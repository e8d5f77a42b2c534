/**
 * Reading posts and answers from files: Instaloader trees, Twitter exports, CSV, bundles and coder
 * files, format detection, and the import run that writes them in chunks as a cancellable job. Bad
 * input becomes a rejection naming file, line and reason; the rest is imported.
 */
package org.signalbench.importing;
