package org.signalbench.app;

/** SignalBench's own version: the one in the jar's manifest, or "development" when run from classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
