package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** Prints a subcommand's result as JSON or as text, as its {@code --json} option asks. */
final class JsonOrText {
    private JsonOrText() {
    }

    /** Prints {@code value} as JSON when {@code json} (made only then), else lets {@code text} print the result. */
    static void print(PrintWriter out, boolean json, Supplier<?> value, Runnable text) {
        if (json) {
            Json.print(out, value.get());
        } else {
            text.run();
        }
    }

    /** JSON has no NaN or infinity: an undefined number is null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
