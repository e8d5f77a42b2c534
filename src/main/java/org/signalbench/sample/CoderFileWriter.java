package org.signalbench.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalbench.sample.SampleGenerator.PlannedPost;

/**
 * Writes the two coders' files and the expert's file (docs/formats/coder-file.md). The coders
 * work through the posts in daily batches from late October to late November 2018; each labels
 * every post's dealer question, the image questions when the post has images and the channel and
 * exchange questions when they answer dealer = yes. The expert then settles every disagreement.
 * Plain file writes on purpose: it writes only into the staged folder of {@link SampleGenerator#generate}, which is published whole.
 */
final class CoderFileWriter {
    private static final Instant CODING_START = Instant.parse("2018-10-22T00:00:00Z");
    private static final int CODING_DAYS = 36;
    private static final Instant EXPERT_START = Instant.parse("2018-11-28T09:00:00Z");

    private final List<PlannedPost> posts;

    CoderFileWriter(List<PlannedPost> posts) {
        this.posts = posts;
    }

    void write(Path folder) throws IOException {
        writeCoder(folder.resolve("coder-a.json"), "coder-a", 1, Duration.ofHours(9));
        writeCoder(folder.resolve("coder-b.json"), "coder-b", 2, Duration.ofHours(13).plusMinutes(30));
        writeExpert(folder.resolve("expert.json"));
    }

    private void writeCoder(Path file, String name, int coderNumber, Duration dayStart) throws IOException {
        int perDay = (posts.size() + CODING_DAYS - 1) / CODING_DAYS;
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            PlannedPost p = posts.get(i);
            long secondInBatch = 4L * 3600 * (i % perDay) / perDay;
            Instant at = CODING_START.plus(Duration.ofDays(i / perDay)).plus(dayStart).plusSeconds(secondInBatch);
            boolean saysDealer = p.dealer != (p.disagreement == coderNumber);
            Map<String, Object> values = SampleGenerator.map("dealer", yesNo(saysDealer));
            if (saysDealer) {
                values.put("channels", String.join(",", SampleText.channelsOrNone(p.channels)));
                values.put("exchange", yesNo(p.exchange));
            }
            addImageAnswers(p, values);
            Map<String, Object> answer = SampleGenerator.map("platform", "instagram", "externalId", p.shortcode,
                    "at", at.toString(), "values", values);
            if (p.contactNote() && coderNumber == 1) {
                answer.put("note", "hand-written contact note in the picture");
            }
            answers.add(answer);
        }
        writeFile(file, name, "coder", answers);
    }

    private void writeExpert(Path file) throws IOException {
        List<Map<String, Object>> answers = new ArrayList<>();
        List<PlannedPost> disputed = posts.stream().filter(p -> p.disagreement != 0).toList();
        for (int k = 0; k < disputed.size(); k++) {
            PlannedPost p = disputed.get(k);
            Instant at = EXPERT_START.plus(Duration.ofDays(k * 3L / Math.max(1, disputed.size())))
                    .plusSeconds(600L * (k % 40));
            Map<String, Object> values = SampleGenerator.map("dealer", yesNo(p.dealer));
            if (p.dealer) {
                values.put("channels", String.join(",", SampleText.channelsOrNone(p.channels)));
                values.put("exchange", yesNo(p.exchange));
            }
            answers.add(SampleGenerator.map("platform", "instagram", "externalId", p.shortcode,
                    "at", at.toString(), "values", values, "reason", reason(p)));
        }
        writeFile(file, "expert", "expert", answers);
    }

    private static String reason(PlannedPost p) {
        if (p.dealer) {
            return p.channels.isEmpty()
                    ? "offers the drug for sale and asks buyers to message; meets the dealer definition"
                    : "offers the drug and gives a way to buy it (" + String.join(", ", p.channels) + "); meets the dealer definition";
        }
        return switch (p.kind) {
            case OTHER_SELLER -> "sells clothing or shoes, not drugs; the drug hashtags are only there for reach";
            case FOLLOWER_SELLER -> "sells followers, not drugs; the selling words and apps are not about a drug";
            default -> "talks about the user's own drug use; nothing is offered for sale";
        };
    }

    private static void addImageAnswers(PlannedPost p, Map<String, Object> values) {
        if (!p.images.isEmpty()) {
            values.put("image_category", p.imageCategory());
            values.put("image_contact_note", yesNo(p.contactNote()));
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** One answer per line, so a diff of two versions stays readable. */
    private static void writeFile(Path file, String name, String role, List<Map<String, Object>> answers)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"format\": \"signalbench-coder-file\", \"version\": 1,\n");
            w.write(" \"coder\": " + SampleGenerator.json(SampleGenerator.map("name", name, "role", role)) + ",\n");
            w.write(" \"codebookVersion\": \"1\",\n");
            w.write(" \"answers\": [\n");
            for (int i = 0; i < answers.size(); i++) {
                w.write("  " + SampleGenerator.json(answers.get(i)) + (i + 1 < answers.size() ? ",\n" : "\n"));
            }
            w.write(" ]}\n");
        }
    }
}
