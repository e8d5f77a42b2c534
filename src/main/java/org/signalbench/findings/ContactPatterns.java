package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds contact channels in text by the patterns of {@code resources/lexicons/contact-patterns.json}.
 * Channels are tried in the file's order and a match hides its text from the channels after it, so
 * "whatsapp +1 213 555 0142" is WhatsApp and not also a phone number. {@code {name}} in a pattern
 * stands for the named entry of {@code parts}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ContactPatterns {
    public static final String RESOURCE = "lexicons/contact-patterns.json";

    public record Channel(String channel, List<Pattern> patterns) {
    }

    private final List<Channel> channels;

    /** The compiled patterns as text (channel, then each pattern and its flags), stable across runs, for a content hash. */
    String contentText() {
        StringBuilder text = new StringBuilder();
        for (Channel c : channels) {
            text.append(c.channel()).append('\n');
            c.patterns().forEach(pattern -> text.append(pattern.flags()).append(' ').append(pattern.pattern()).append('\n'));
        }
        return text.toString();
    }

    @JsonCreator
    public ContactPatterns(@JsonProperty("parts") Map<String, String> parts,
                           @JsonProperty("channels") List<ChannelSpec> channels) {
        LexiconFiles.required(channels, "\"channels\": [{\"channel\": ..., \"patterns\": [...]}]");
        Map<String, String> p = parts == null ? Map.of() : parts;
        List<Channel> compiled = new ArrayList<>();
        for (ChannelSpec spec : channels) {
            if (spec.channel() == null || spec.channel().isBlank()) {
                throw new IllegalArgumentException("a channel has no \"channel\" name");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String raw : LexiconFiles.required(spec.patterns(), "\"patterns\" of the channel '" + spec.channel() + "'")) {
                patterns.add(compile(spec.channel(), expand(raw, p, spec.channel())));
            }
            compiled.add(new Channel(spec.channel(), List.copyOf(patterns)));
        }
        this.channels = List.copyOf(compiled);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChannelSpec(String channel, List<String> patterns) {
    }

    public List<Channel> channels() {
        return channels;
    }

    public List<String> channelNames() {
        return channels.stream().map(Channel::channel).toList();
    }

    /** The channels the texts name, in the file's channel order. */
    public Set<String> detect(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            StringBuilder remaining = new StringBuilder(text);
            for (Channel channel : channels) {
                for (Pattern pattern : channel.patterns()) {
                    Matcher m = pattern.matcher(remaining);
                    while (m.find()) {
                        found.add(channel.channel());
                        for (int i = m.start(); i < m.end(); i++) {
                            remaining.setCharAt(i, ' ');
                        }
                    }
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        channelNames().stream().filter(found::contains).forEach(ordered::add);
        return ordered;
    }

    private static String expand(String raw, Map<String, String> parts, String channel) {
        String s = raw;
        // parts may use other parts; a few rounds cover any sensible nesting
        for (int round = 0; round < 5 && s.contains("{"); round++) {
            for (var e : parts.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", "(?:" + e.getValue() + ")");
            }
        }
        Matcher unknown = Pattern.compile("\\{([a-z_]+)}").matcher(s);
        if (unknown.find()) {
            throw new IllegalArgumentException("channel '" + channel + "': unknown part {" + unknown.group(1) + "}");
        }
        return s;
    }

    private static Pattern compile(String channel, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("channel '" + channel + "': bad pattern: " + e.getDescription() + " in " + regex);
        }
    }

    public static ContactPatterns load() {
        return LexiconFiles.readResource(RESOURCE, ContactPatterns.class);
    }

    public static ContactPatterns load(Path file) {
        return LexiconFiles.read(file, ContactPatterns.class);
    }
}
