package org.signalbench.ui.findings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.signalbench.findings.DrugLexicon;

/**
 * What the lexicon editor's rows say, checked: each row is a drug group's name and its hashtags
 * separated by commas. Every problem is named with its row, so the user can fix them all at once.
 */
public final class LexiconForm {
    /** A hashtag without its {@code #}: what {@link org.signalbench.domain.Hashtags} finds after the sign. */
    private static final Pattern HASHTAG_BODY = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");

    private LexiconForm() {
    }

    /** One row of the editor as typed. */
    public record Row(String drug, String hashtags) {
    }

    /** The lexicon when the rows are all right, else null and the problems. */
    public record Checked(DrugLexicon lexicon, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** One row of the editor for a group: its name and its hashtags joined by commas. */
    public static Row row(DrugLexicon.Group group) {
        return new Row(group.drug(), String.join(", ", group.hashtags()));
    }

    public static Checked check(List<Row> rows) {
        List<String> problems = new ArrayList<>();
        List<DrugLexicon.Group> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String drug = row.drug() == null ? "" : row.drug().strip();
            String where = "Row " + (i + 1) + (drug.isEmpty() ? "" : " (" + drug + ")");
            if (drug.isEmpty()) {
                problems.add(where + ": the drug group has no name.");
            } else {
                int earlier = names.indexOf(drug.toLowerCase(Locale.ROOT));
                if (earlier >= 0) {
                    problems.add(where + ": the group name is already used in row " + (earlier + 1) + ".");
                }
            }
            names.add(drug.toLowerCase(Locale.ROOT));
            Set<String> tags = new LinkedHashSet<>();
            for (String piece : (row.hashtags() == null ? "" : row.hashtags()).split(",")) {
                String tag = piece.strip();
                if (tag.isEmpty()) {
                    continue;
                }
                String body = tag.startsWith("#") ? tag.substring(1) : tag;
                if (body.chars().anyMatch(Character::isWhitespace)) {
                    problems.add(where + ": '" + tag + "' contains a space; a hashtag is one word, separate hashtags with commas.");
                } else if (!HASHTAG_BODY.matcher(body).matches()) {
                    problems.add(where + ": '" + tag + "' is not a hashtag (letters, digits and _ only, after an optional #).");
                } else {
                    tags.add(body.toLowerCase(Locale.ROOT));
                }
            }
            if (tags.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(where + ":"))) {
                problems.add(where + ": the group has no hashtags.");
            }
            if (!drug.isEmpty()) {
                groups.add(new DrugLexicon.Group(drug, List.copyOf(tags)));
            }
        }
        if (rows.isEmpty()) {
            problems.add("The lexicon needs at least one drug group.");
        }
        return problems.isEmpty() ? new Checked(new DrugLexicon(groups), List.of()) : new Checked(null, List.copyOf(problems));
    }
}
