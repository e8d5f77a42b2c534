package org.signalbench.domain;


/**
 * One row of a post's history: a coder's answer (kind LABEL) or an expert's decision (kind
 * DECISION). A LABEL whose value is retracted (the empty value) took an answer back.
 */
public record AuditEntry(Kind kind, String who, Role role, String question, String value, String reason,
                         String at, String codebookVersion) {
    public enum Kind { LABEL, DECISION }
}
