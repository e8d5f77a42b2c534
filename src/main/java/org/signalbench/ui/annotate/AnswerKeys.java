package org.signalbench.ui.annotate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.signalbench.domain.QuestionId;

/**
 * The keys that answer questions, by question and answer key. The codebook is editable: an answer
 * not listed here has no key and is given with the mouse. The same table drives the key handling,
 * the labels on the buttons and the help overlay, so they cannot drift apart.
 */
final class AnswerKeys {
    private static final Map<String, Map<String, KeyCombination>> KEYS = Map.ofEntries(
            // The Instagram codebook (codebook/codebook.json).
            Map.entry(QuestionId.DEALER_KEY, Map.of("yes", plain(KeyCode.Y), "no", plain(KeyCode.N))),
            Map.entry("image_category", Map.of("rx_only", plain(KeyCode.DIGIT1), "illicit_only", plain(KeyCode.DIGIT2),
                    "both", plain(KeyCode.DIGIT3), "unclassifiable", plain(KeyCode.DIGIT4), "unrelated", plain(KeyCode.DIGIT5))),
            Map.entry("image_contact_note", Map.of("yes", plain(KeyCode.C), "no", shifted(KeyCode.C))),
            Map.entry("channels", Map.of("wickr", plain(KeyCode.W), "telegram", plain(KeyCode.T), "kik", plain(KeyCode.K),
                    "whatsapp", plain(KeyCode.A), "phone", plain(KeyCode.P), "email", plain(KeyCode.E),
                    "other", plain(KeyCode.O))),
            Map.entry("exchange", Map.of("yes", plain(KeyCode.X), "no", shifted(KeyCode.X))),
            // The link review's codebook (codebook/link-review.json): its question keys differ from the
            // Instagram ones, so one table serves both; within each codebook no key is used twice.
            Map.entry("false_positive", Map.of("yes", plain(KeyCode.Y), "no", plain(KeyCode.N))),
            Map.entry("seller_type", Map.of("online-pharmacy", plain(KeyCode.DIGIT1), "individual-seller", plain(KeyCode.DIGIT2),
                    "marketing-affiliate", plain(KeyCode.DIGIT3), "darknet", plain(KeyCode.DIGIT4))),
            Map.entry("link_status", Map.of("live", plain(KeyCode.L), "dead", plain(KeyCode.D),
                    "redirected-elsewhere", plain(KeyCode.R))),
            Map.entry("sells_opioids", Map.of("yes", plain(KeyCode.O), "no", shifted(KeyCode.O))),
            Map.entry("no_prescription", Map.of("yes", plain(KeyCode.X), "no", shifted(KeyCode.X))),
            Map.entry("other_drugs", Map.of("controlled", shifted(KeyCode.DIGIT1), "prescription", shifted(KeyCode.DIGIT2),
                    "recreational", shifted(KeyCode.DIGIT3), "illicit", shifted(KeyCode.DIGIT4))),
            Map.entry("payment", Map.of("card", plain(KeyCode.C), "bitcoin", plain(KeyCode.B), "ether", plain(KeyCode.H),
                    "money-transfer", plain(KeyCode.G), "other", plain(KeyCode.Q))),
            Map.entry("contact_details", Map.of("email", plain(KeyCode.E), "phone", plain(KeyCode.P), "whatsapp", plain(KeyCode.A),
                    "telegram", plain(KeyCode.T), "kik", plain(KeyCode.K), "wickr", plain(KeyCode.W), "other", plain(KeyCode.U))));

    /** The key that answers a multiple-choice question with "none". */
    private static final Map<String, KeyCombination> NONE_KEYS = Map.of("channels", plain(KeyCode.DIGIT0),
            "contact_details", plain(KeyCode.DIGIT0));

    /** The number-pad twins of the digit keys answer too. */
    private static final Map<KeyCode, KeyCode> NUMPAD = Map.of(KeyCode.NUMPAD1, KeyCode.DIGIT1, KeyCode.NUMPAD2, KeyCode.DIGIT2,
            KeyCode.NUMPAD3, KeyCode.DIGIT3, KeyCode.NUMPAD4, KeyCode.DIGIT4, KeyCode.NUMPAD5, KeyCode.DIGIT5, KeyCode.NUMPAD0, KeyCode.DIGIT0);

    private AnswerKeys() {
    }

    static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    static KeyCombination shifted(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    static Optional<KeyCombination> keyOf(String question, String answer) {
        return Optional.ofNullable(KEYS.getOrDefault(question, Map.of()).get(answer));
    }

    static Optional<KeyCombination> noneKeyOf(String question) {
        return Optional.ofNullable(NONE_KEYS.get(question));
    }

    /** What a key shows on a button: "Y", "Shift+X", "1". */
    static String text(KeyCombination key) {
        return key.getDisplayText();
    }

    static KeyCode canonical(KeyCode code) {
        return NUMPAD.getOrDefault(code, code);
    }

    static List<String> questionsWithKeys() {
        return List.copyOf(KEYS.keySet());
    }
}
