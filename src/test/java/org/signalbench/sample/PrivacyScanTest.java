package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/** Every phone number in the sample is a fictional 555-01xx one and every e-mail is at example.com. */
class PrivacyScanTest {
    /** North American numbers as people write them: 213-555-0147, (213) 555-0147, +1 213 555 0147, 213.555.0147. */
    static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+?1[ .-]?)?\\(?(\\d{3})\\)?[ .-]?(\\d{3})[ .-](\\d{4})(?!\\d)");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    static List<String> violations(String text) {
        List<String> bad = new ArrayList<>();
        Matcher p = PHONE.matcher(text);
        while (p.find()) {
            if (!p.group(2).equals("555") || !p.group(3).startsWith("01")) {
                bad.add("phone " + p.group());
            }
        }
        Matcher e = EMAIL.matcher(text);
        while (e.find()) {
            if (!e.group(1).equalsIgnoreCase("example.com")) {
                bad.add("e-mail " + e.group());
            }
        }
        return bad;
    }

    @Test
    void thePatternsCatchRealLookingNumbersAndAddresses() {
        assertEquals(List.of(), violations("call 213-555-0147 or (310) 555-0101, +1 323 555 0188, x@example.com"));
        assertEquals(2, violations("call 213-867-5309 or mail someone@gmail.com").size());
        assertEquals(1, violations("whatsapp +1 (646) 555-1234").size());
    }

    @Test
    void noRealLookingPhoneNumberOrEmailAnywhereInTheSample() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(SampleFiles.COMMITTED)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = f.getFileName().toString();
                String text;
                if (name.endsWith(".xz")) {
                    try (InputStream in = new XZInputStream(Files.newInputStream(f))) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                } else if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".md")) {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } else {
                    continue;
                }
                scanned++;
                for (String v : violations(text)) {
                    found.add(f + ": " + v);
                }
            }
        }
        assertTrue(scanned > 50, "scanned " + scanned + " files");
        assertEquals(List.of(), found.subList(0, Math.min(20, found.size())));
    }
}
