/**
 * The command line (picocli): thin adapters that parse options, call the application layer or
 * logic, and print results to standard output (JSON with --json) and messages to standard error.
 */
package org.signalbench.cli;
