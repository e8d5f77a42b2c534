/**
 * The Preprocessing view: how one post's caption becomes the texts of each variant, explained from
 * the shared preprocessed corpus.
 */
package org.signalbench.ui.preprocessing;
