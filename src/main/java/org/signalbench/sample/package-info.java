/**
 * The generator of the built-in, made-up sample data (posts, Instaloader trees, Twitter exports,
 * coder files), shaped like the study's figures.
 */
package org.signalbench.sample;
