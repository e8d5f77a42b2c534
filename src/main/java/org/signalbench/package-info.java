/**
 * SignalBench: an offline workbench for research on drug selling on social media. The root package
 * holds only the launcher, which opens the JavaFX app without arguments and the command line
 * otherwise. Layers, from the top (each uses only those below it, enforced by ArchitectureTest):
 * the front ends {@code ui} and {@code cli}, the application layer {@code app}, the logic packages,
 * {@code store}, {@code domain}; see docs/architecture.md.
 */
package org.signalbench;
