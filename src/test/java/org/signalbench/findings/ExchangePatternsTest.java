package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalbench.findings.ExchangePatterns.CommentText;

/** The shipped exchange patterns (resources/lexicons/exchange-patterns.json). */
class ExchangePatternsTest {
    static final ExchangePatterns SHIPPED = ExchangePatterns.load();

    private static CommentText c(String author, String text) {
        return new CommentText(author, text);
    }

    @Test
    void anAskAnsweredByTheOwnerIsAnExchange() {
        assertTrue(SHIPPED.detect("plug", List.of(c("bob", "how much for 20 bars"), c("plug", "@bob dm'd you"))));
        assertTrue(SHIPPED.detect("plug", List.of(c("fan", "🔥"), c("bob", "need 30s asap"), c("fan", "legit"),
                c("PLUG", "check ur dm"))), "a reply word without the mention, owner in another case");
        assertTrue(SHIPPED.detect("plug", List.of(c("bob", "price on 10 xans?"), c("plug", "@bob sent you the menu"))));
        assertTrue(SHIPPED.detect("plug", List.of(c("bob", "u take cashapp?"), c("plug", "@bob yes")) ),
                "the owner mentioning the asker is an answer whatever it says");
    }

    @Test
    void otherwiseItIsNot() {
        assertFalse(SHIPPED.detect("plug", List.of(c("bob", "how much?"))), "nobody answers");
        assertFalse(SHIPPED.detect("plug", List.of(c("plug", "dm me"), c("bob", "how much?"))), "the answer comes first");
        assertFalse(SHIPPED.detect("plug", List.of(c("plug", "how much for 20?"), c("plug", "dm'd you"))), "the owner asks himself");
        assertFalse(SHIPPED.detect("plug", List.of(c("bob", "how much?"), c("amy", "@bob dm'd you"))), "someone else answers");
        assertFalse(SHIPPED.detect("plug", List.of(c("bob", "nice pic"), c("plug", "@bob thanks"))), "no ask");
        assertFalse(SHIPPED.detect("plug", List.of(c("sam", "still available?"), c("plug", "@samantha thanks"))),
                "@samantha is not @sam");
        assertFalse(SHIPPED.detect(null, List.of(c("bob", "how much?"), c("plug", "dm'd you"))));
    }

    @Test
    void asksCoverPriceQuantityAndAvailability() {
        for (String ask : List.of("price list?", "how much for a sheet", "need 50 bars asap", "can i get 5 tabs", "still got greenies?",
                "you got percs?", "min order?", "do u ship to canada?", "wats the price on 10 roxys", "how strong are the tabs?")) {
            assertTrue(SHIPPED.isAsk(ask), ask);
        }
        for (String other : List.of("nice pic", "legit? got mine yesterday", "stop selling this poison", "🔥🔥🔥")) {
            assertFalse(SHIPPED.isAsk(other), other);
        }
    }
}
