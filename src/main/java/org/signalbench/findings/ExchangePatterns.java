package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds a sell/buy exchange in a post's comments ({@code resources/lexicons/exchange-patterns.json}):
 * someone other than the post's owner asks for goods, price or quantity (an {@code asks} pattern), and
 * the owner answers in a later comment that mentions the asker ({@code @asker}) or matches a
 * {@code replies} pattern ("dm'd you", "check ur dm").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ExchangePatterns {
    public static final String RESOURCE = "lexicons/exchange-patterns.json";

    /** One comment: who wrote it and what. */
    public record CommentText(String author, String text) {
    }

    private final List<Pattern> asks;
    private final List<Pattern> replies;

    /** The asks and replies as text (each pattern and its flags), stable across runs, for a content hash. */
    String contentText() {
        StringBuilder text = new StringBuilder("asks\n");
        asks.forEach(pattern -> text.append(pattern.flags()).append(' ').append(pattern.pattern()).append('\n'));
        text.append("replies\n");
        replies.forEach(pattern -> text.append(pattern.flags()).append(' ').append(pattern.pattern()).append('\n'));
        return text.toString();
    }

    @JsonCreator
    public ExchangePatterns(@JsonProperty("asks") List<String> asks, @JsonProperty("replies") List<String> replies) {
        this.asks = compile("asks", LexiconFiles.required(asks, "\"asks\": [...]"));
        this.replies = compile("replies", LexiconFiles.required(replies, "\"replies\": [...]"));
    }

    /** Whether the comments, in posting order, hold an ask by another account and the owner's later answer. */
    public boolean detect(String owner, List<CommentText> comments) {
        if (owner == null) {
            return false;
        }
        for (int i = 0; i < comments.size(); i++) {
            CommentText ask = comments.get(i);
            if (ask.author() == null || ask.author().equalsIgnoreCase(owner) || !matchesAny(asks, ask.text())) {
                continue;
            }
            String mention = "@" + ask.author().toLowerCase(Locale.ROOT);
            for (int j = i + 1; j < comments.size(); j++) {
                CommentText reply = comments.get(j);
                if (owner.equalsIgnoreCase(reply.author()) && reply.text() != null
                        && (mentions(reply.text(), mention) || matchesAny(replies, reply.text()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the text is a request for goods by the ask patterns. */
    public boolean isAsk(String text) {
        return matchesAny(asks, text);
    }

    private static boolean mentions(String text, String mention) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(mention);
        while (at >= 0) {
            int end = at + mention.length();
            // "@sam" must not count inside "@samantha"
            if (end == lower.length() || !(Character.isLetterOrDigit(lower.charAt(end)) || lower.charAt(end) == '_')) {
                return true;
            }
            at = lower.indexOf(mention, at + 1);
        }
        return false;
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        return text != null && patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static List<Pattern> compile(String list, List<String> regexes) {
        return regexes.stream().map(r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(list + ": bad pattern: " + e.getDescription() + " in " + r);
            }
        }).toList();
    }

    public static ExchangePatterns load() {
        return LexiconFiles.readResource(RESOURCE, ExchangePatterns.class);
    }

    public static ExchangePatterns load(Path file) {
        return LexiconFiles.read(file, ExchangePatterns.class);
    }
}
