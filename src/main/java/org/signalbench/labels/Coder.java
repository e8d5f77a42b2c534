package org.signalbench.labels;

import org.signalbench.domain.Role;

/** A person who answers: a coder labels blind, an expert settles disagreements. */
public record Coder(long id, String name, Role role) {
}
