package org.signalbench.domain;

/** An expert's decision on one post and question: the final answer and why. */
public record Decision(long postId, String question, String value, String reason, String expert, String at) {
}
