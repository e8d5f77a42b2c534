package org.signalbench.nowhere;

/** A violating fixture (never used): a class in a package that belongs to no layer. */
public final class Homeless {
    private Homeless() {
    }
}
