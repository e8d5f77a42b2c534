package org.signalbench.models.lstm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The thread count of the LSTM's native code (ND4J, OpenMP, OpenBLAS), chosen by the app so no user
 * has to set {@code OMP_NUM_THREADS}. Those libraries read the variable once, when they load, so the
 * launcher writes it into the process's own environment first (through JNA, which ND4J brings);
 * {@code Nd4jThreadsAction} applies the same count again once ND4J has started.
 */
public final class NativeThreads {
    /** System property with the thread count (default 1: the fastest on 2 shared cores, docs/lstm.md). */
    public static final String THREADS_PROPERTY = "signalbench.threads";
    static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

    private NativeThreads() {
    }

    /** The C library's setenv (Linux, macOS). */
    interface PosixC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** The C runtime's _putenv_s (Windows; ND4J's MinGW build reads this environment). */
    interface WindowsC extends Library {
        int _putenv_s(String name, String value);
    }

    /** The count for this process: none when the user set {@code OMP_NUM_THREADS} (the libraries follow it). */
    public static OptionalInt forThisProcess() {
        return threads(System.getenv(OMP_NUM_THREADS), System.getProperty(THREADS_PROPERTY));
    }

    /**
     * The thread count to apply: none when {@code OMP_NUM_THREADS} is set, else the property, else 1.
     * A property that is not a positive number is reported and replaced by 1.
     */
    static OptionalInt threads(String ompNumThreads, String property) {
        if (ompNumThreads != null && !ompNumThreads.isBlank()) {
            return OptionalInt.empty();
        }
        if (property != null) {
            try {
                int n = Integer.parseInt(property.strip());
                if (n > 0) {
                    return OptionalInt.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            System.err.println("warning: " + THREADS_PROPERTY + "=" + property + " is not a positive number; using 1 thread");
        }
        return OptionalInt.of(1);
    }

    /**
     * Writes {@code OMP_NUM_THREADS} into the process's native environment before ND4J loads; returns
     * whether it did. Where JNA has no native library for the platform it leaves the default.
     */
    public static boolean setBeforeNativeLibrariesLoad() {
        OptionalInt threads = forThisProcess();
        if (threads.isEmpty()) {
            return false;
        }
        String value = Integer.toString(threads.getAsInt());
        try {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                return Native.loadLibrary("msvcrt", WindowsC.class)._putenv_s(OMP_NUM_THREADS, value) == 0;
            }
            return Native.loadLibrary("c", PosixC.class).setenv(OMP_NUM_THREADS, value, 0) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
