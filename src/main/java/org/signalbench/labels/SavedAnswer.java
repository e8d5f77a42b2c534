package org.signalbench.labels;

/**
 * What {@link LabelStore#saveAnswer} appended, with what it replaced, so the answer can be undone.
 *
 * @param previousValue the coder's answer before this one; null when there was none
 * @param note          the note after this save; null when the save left the note alone
 * @param previousNote  the note before; null when there was none
 * @param doneDelta     +1 when this save gave the post its first dealer answer from this coder,
 *                      -1 when it took the dealer answer back, else 0 (add it to the shown progress)
 */
public record SavedAnswer(long coderId, long postId, String question, String value, String previousValue,
                          String note, String previousNote, String at, int doneDelta) {
}
