package org.signalbench.labels;

import org.signalbench.domain.Coder;
import java.util.Map;

/** One coder's latest answers to one post, question key to value; the note under {@link Codebook#NOTE}. */
public record CoderAnswers(Coder coder, Map<String, String> answers) {
    public String note() {
        return answers.get(Codebook.NOTE);
    }
}
