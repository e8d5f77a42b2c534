package org.signalbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads {@code --param MODEL.NAME=VALUE} options into model id → name → value (as text). */
final class ModelParams {
    private ModelParams() {
    }

    /** A malformed entry is a usage error (exit 2) naming it. */
    static Map<String, Map<String, String>> parse(List<String> params, CommandLine commandLine) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        for (String p : params) {
            int dot = p.indexOf('.');
            int eq = p.indexOf('=');
            if (dot < 1 || eq < dot + 2) {
                throw new ParameterException(commandLine, "--param '" + p + "': expected MODEL.NAME=VALUE");
            }
            overrides.computeIfAbsent(p.substring(0, dot), m -> new LinkedHashMap<>()).put(p.substring(dot + 1, eq), p.substring(eq + 1));
        }
        return overrides;
    }
}
