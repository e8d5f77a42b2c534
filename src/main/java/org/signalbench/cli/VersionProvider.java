package org.signalbench.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest (or "development" when run from classes). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"SignalBench " + version()};
    }

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
