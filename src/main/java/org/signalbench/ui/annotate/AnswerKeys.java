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
    private static final Map<String, Map<String, KeyCombination>> KEYS = Map.of(
            QuestionId.DEALER_KEY, Map.of("yes", plain(KeyCode.Y), "no", plain(KeyCode.N)),
            "image_category", Map.of("rx_only", plain(KeyCode.DIGIT1), "illicit_only", plain(KeyCode.DIGIT2),
                    "both", plain(KeyCode.DIGIT3), "unclassifiable", plain(KeyCode.DIGIT4), "unrelated", plain(KeyCode.DIGIT5)),
            "image_contact_note", Map.of("yes", plain(KeyCode.C), "no", shifted(KeyCode.C)),
            "channels", Map.of("wickr", plain(KeyCode.W), "telegram", plain(KeyCode.T), "kik", plain(KeyCode.K),
                    "whatsapp", plain(KeyCode.A), "phone", plain(KeyCode.P), "email", plain(KeyCode.E),
                    "other", plain(KeyCode.O)),
            "exchange", Map.of("yes", plain(KeyCode.X), "no", shifted(KeyCode.X)));

    /** The key that answers a multiple-choice question with "none". */
    private static final Map<String, KeyCombination> NONE_KEYS = Map.of("channels", plain(KeyCode.DIGIT0));

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
