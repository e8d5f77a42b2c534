package org.signalbench.domain;


/** A person who answers: a coder labels blind, an expert settles disagreements. */
public record Coder(long id, String name, Role role) {
}
