package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the masker on a labelled set of invented texts (src/test/resources/masking/contact-forms.tsv):
 * contacts that must be hidden and dosages, prices, dates and counts that must come out unchanged.
 * Prints the miss and over-mask counts with every failing line. Both thresholds are 0: a single leaked
 * contact in a shared report is the harm masking exists to prevent, and the set is small enough that
 * every line can be made to pass; a form that cannot be masked without over-masking is left out of the
 * set and named in docs/findings.md instead.
 */
class MaskerLabelledSetTest {
    static final int MAX_MISSES = 0;
    static final int MAX_OVER_MASKS = 0;

    record Case(int line, boolean mask, String text, List<String> secrets) {
    }

    @Test
    void missesAndOverMasksStayUnderTheirThresholds() throws Exception {
        List<Case> cases = read();
        long masks = cases.stream().filter(Case::mask).count();
        assertTrue(cases.size() >= 200 && masks >= 100 && cases.size() - masks >= 100, "a set of 200+ with both kinds: " + cases.size());
        List<String> misses = new ArrayList<>();
        List<String> overMasks = new ArrayList<>();
        for (Case c : cases) {
            String masked = Masking.maskText(c.text());
            if (c.mask()) {
                String lower = masked.toLowerCase(Locale.ROOT);
                List<String> leaked = c.secrets().stream().filter(s -> lower.contains(s.toLowerCase(Locale.ROOT))).toList();
                if (!leaked.isEmpty() || masked.equals(c.text())) {
                    misses.add("line " + c.line() + ": " + c.text() + " -> " + masked + " (leaks " + leaked + ")");
                }
            } else if (!masked.equals(c.text())) {
                overMasks.add("line " + c.line() + ": " + c.text() + " -> " + masked);
            }
        }
        System.out.printf(Locale.ROOT, "masker on %d labelled texts: %d must-mask, %d missed; %d must-survive, %d over-masked%n",
                cases.size(), masks, misses.size(), cases.size() - masks, overMasks.size());
        misses.forEach(m -> System.out.println("  missed " + m));
        overMasks.forEach(m -> System.out.println("  over-masked " + m));
        assertTrue(misses.size() <= MAX_MISSES, misses.size() + " missed:\n" + String.join("\n", misses));
        assertTrue(overMasks.size() <= MAX_OVER_MASKS, overMasks.size() + " over-masked:\n" + String.join("\n", overMasks));
    }

    @Test
    void theSetIsInventedAndWellFormed() throws Exception {
        for (Case c : read()) {
            // phone numbers only from the fictional ranges: 555-01xx and the UK drama range 07700 900xxx
            String digits = c.text().replaceAll("[^0-9]", "");
            if (c.mask() && digits.length() >= 10) {
                assertTrue(digits.contains("55501") || digits.contains("5550") || digits.contains("7700900") || digits.contains("491570"),
                        "line " + c.line() + " has a number outside the fictional ranges: " + c.text());
            }
            if (c.mask()) {
                assertTrue(!c.secrets().isEmpty(), "line " + c.line() + " names what must be hidden");
                c.secrets().forEach(s -> assertTrue(c.text().toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)),
                        "line " + c.line() + ": the secret '" + s + "' is in the text"));
            }
        }
        assertEquals("text [phone] now", Masking.maskText("text 213-555-0142 now"));
    }

    /** Long runs that made the address patterns backtrack (38 s and 72 s each before the local part was made possessive). */
    @Test
    void longHostileTextsAreMaskedQuickly() {
        List<String> hostile = List.of("a.".repeat(20_000) + "x", "a-".repeat(20_000) + "1", "a @ b".repeat(5_000),
                "1 ".repeat(20_000), "wickr ".repeat(10_000) + "x", "a [at] b [dot] ".repeat(3_000), "dealer at ".repeat(8_000),
                "#xanax".repeat(10_000) + "1234567");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (String text : hostile) {
                assertTrue(Masking.maskText(text).length() > 0);
            }
        });
    }

    static List<Case> read() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MaskerLabelledSetTest.class.getResourceAsStream("/masking/contact-forms.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                boolean mask = switch (cols[0]) {
                    case "mask" -> true;
                    case "keep" -> false;
                    default -> throw new IllegalArgumentException("line " + n + ": mask or keep, not " + cols[0]);
                };
                List<String> secrets = mask && cols.length > 2 ? List.of(cols[2].split(",")) : List.of();
                cases.add(new Case(n, mask, cols[1], secrets));
            }
        }
        return cases;
    }
}
