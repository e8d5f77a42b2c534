package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text 213-555-0142                     | text [phone]
            call/text (213) 555-0142 now          | call/text [phone] now
            txt only +1 213 555 0142              | txt only [phone]
            📱 213.555.0142                       | 📱 [phone]
            1-800-555-0142 helpline               | [phone] helpline
            (800) 555-0101                        | [phone]
            +49 555 0142 0199                      | [phone]
            whatsapp +1 213 555 0147              | whatsapp [phone]
            mail me plug_three@example.com        | mail me [email]
            orders: frosty.tabs+x@mail.example.com | orders: [email]
            telegram @plug_2                      | telegram @[handle]
            thanks @the.quiet.cactus!             | thanks @[handle]!
            wickr: frosty_tabs44                  | wickr: [handle]
            WICKR: FROSTY_1                       | WICKR: [handle]
            Wickr me @frosty                      | Wickr me @[handle]
            wickr me: frosty_x 🔥                 | wickr me: [handle] 🔥
            wickr ➡️ frosty_x                     | wickr ➡️ [handle]
            add on wickr frostytabs12             | add on wickr [handle]
            kik me frostyowl1468                  | kik me [handle]
            hit my kik plug_2                     | hit my kik [handle]
            Kik: plug2                            | Kik: [handle]
            snap ➡️ plug_2                        | snap ➡️ [handle]
            add my snapchat plug_2                | add my snapchat [handle]
            """)
    void masksEveryFormatOfTheSample(String text, String masked) {
        assertEquals(masked, Masking.maskText(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kik off the season
            555 dollars for the lot, $555 shipped
            percs 10/325 and oxy 80s
            posted 2018-10-18, 1,078 posts (87.8%)
            wickr is the best app
            sizes 7-13, 0.5g-28g
            """)
    void leavesOrdinaryTextAlone(String text) {
        assertEquals(text, Masking.maskText(text));
    }

    @Test
    void masksSeveralThingsInOneText() {
        assertEquals("🔥 restock | wickr: [handle] | whatsapp [phone] | [email] #xanax",
                Masking.maskText("🔥 restock | wickr: frosty_plug_12 | whatsapp (213) 555-0147 | frosty_plug@example.com #xanax"));
    }

    @Test
    void accountPseudonymsAreStableDistinctAndHideTheName() {
        String a = Masking.maskAccount("plug_one");
        assertEquals(a, Masking.maskAccount("plug_one"));
        assertEquals(a, Masking.maskAccount("PLUG_ONE"));
        assertNotEquals(a, Masking.maskAccount("plug_two"));
        assertTrue(a.matches("account-[0-9a-f]{6}"), a);
        assertFalse(a.contains("plug"));
    }
}
