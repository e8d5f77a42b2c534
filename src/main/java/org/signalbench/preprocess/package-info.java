/**
 * The study's text preprocessing: tokens, stop words, the dictionary, and the three text variants
 * (with hashtags, hashtags only, no hashtags) with the reason each text is kept or dropped. {@link
 * org.signalbench.preprocess.Captions} is the one place captions are read from the workbench for
 * it.
 */
package org.signalbench.preprocess;
