package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped contact patterns (resources/lexicons/contact-patterns.json). */
class ContactPatternsTest {
    static final ContactPatterns SHIPPED = ContactPatterns.load();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            wickr: frosty_tabs44                       | wickr
            Wickr me @frosty                           | wickr
            wickr ➡️ frosty_x                          | wickr
            add on wickr frostytabs12                  | wickr
            WICKR: FROSTY_1                            | wickr
            wickr me: frosty_x 🔥                      | wickr
            telegram @plug2                            | telegram
            Telegram: @plug_2                          | telegram
            hmu on telegram @plug_2                    | telegram
            order on telegram 👉 @plug_2               | telegram
            telegram: plugname                         | telegram
            kik me plug_two_x                          | kik
            Kik: plug2                                 | kik
            kik ➡️ plug_2                              | kik
            hit my kik plug_2                          | kik
            kik me @plug_2                             | kik
            whatsapp +1 213 555 0147                   | whatsapp
            WhatsApp: (213) 555-0147                   | whatsapp
            whatsapp me 213-555-0147                   | whatsapp
            text on whatsapp 213.555.0147              | whatsapp
            text 213-555-0142                          | phone
            call/text (213) 555-0142                   | phone
            txt only +1 213 555 0142                   | phone
            📱 213.555.0142                            | phone
            +49 555 0142 0199                           | phone
            orders: plug_three@example.com             | email
            mail me plug_three@example.com             | email
            snapchat: plug_2                           | other
            snap ➡️ plug_2                             | other
            kik me plug_2x and telegram @plug2         | telegram kik
            wickr: a_b1, whatsapp +1 213 555 0147, text 213-555-0142 | wickr whatsapp phone
            """)
    void findsEachFormat(String text, String channels) {
        assertEquals(new LinkedHashSet<>(Arrays.asList(channels.split(" "))), SHIPPED.detect(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kik off the season
            kik it with the crew tonight
            555 dollars for the lot, $555 shipped
            percs 10/325 and oxy 80s
            collected 2018-10-18, order #12345678
            telegram channel is down again
            wickr is the best app
            whatsapp group for the team
            we ship in 2-3 days, 1,000 followers
            dm for menu 📩
            """)
    void ignoresLookAlikes(String text) {
        assertEquals(Set.of(), SHIPPED.detect(text));
    }

    @Test
    void aWhatsAppNumberIsNotAlsoAPhoneButASecondNumberIs() {
        assertEquals(Set.of("whatsapp"), SHIPPED.detect("whatsapp +1 213 555 0147"));
        assertEquals(Set.of("whatsapp", "phone"), SHIPPED.detect("whatsapp +1 213 555 0147 or call 310-555-0100"));
    }

    @Test
    void looksAtEveryTextGiven() {
        assertEquals(Set.of("wickr", "kik"), SHIPPED.detect("restock", "wickr: plug_1", null, "kik me plug_1"));
    }

    @Test
    void aBadPatternFileNamesTheFileAndTheReason() throws Exception {
        Path bad = dir.resolve("contacts.json");
        Files.writeString(bad, "{\"channels\": [{\"channel\": \"kik\", \"patterns\": [\"kik(\"]}]}");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ContactPatterns.load(bad));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("bad pattern"), e.getMessage());

        Files.writeString(bad, "{\"channels\": [{\"channel\": \"kik\", \"patterns\": [\"{nothing}\"]}]}");
        e = assertThrows(UncheckedIOException.class, () -> ContactPatterns.load(bad));
        assertTrue(e.getMessage().contains("unknown part {nothing}"), e.getMessage());
    }
}
