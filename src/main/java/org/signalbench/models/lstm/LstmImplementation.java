package org.signalbench.models.lstm;

import java.util.Locale;

/**
 * How the text block's LSTM is computed. Both give the same network (parameters, initialisation,
 * masking, dropout) and the same outputs within float rounding (tested); they differ in speed.
 */
public enum LstmImplementation {
    /** DL4J's {@code LastTimeStep(LSTM)}: small matrix products step by step. */
    STOCK,
    /** {@link FusedLstm}: the input projection and weight gradients of all steps as single matrix products. */
    FUSED;

    public static LstmImplementation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LSTM implementation '" + name + "' (expected stock or fused)");
        }
    }
}
