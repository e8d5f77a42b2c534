package org.signalbench.labels;

import java.util.Map;
import org.signalbench.domain.Coder;

/** One coder's latest answers to one post, question key to value; the note under {@link Codebook#NOTE}. */
public record CoderAnswers(Coder coder, Map<String, String> answers) {
    public String note() {
        return answers.get(Codebook.NOTE);
    }
}
