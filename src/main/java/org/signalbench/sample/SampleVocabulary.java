package org.signalbench.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The long tail of everyday words that real captions carry besides their message: a fixed lexicon of
 * {@value #SIZE} distinct words, built without any word-list file from everyday English words,
 * their run-together pairs (as people write hashtags and slang: "lakeday", "gymlife"), their
 * misspellings (a dropped vowel, a doubled or swapped letter) and invented names of people, places
 * and brands. Words are drawn with Zipf-like frequencies (a few very common, most rare), as in real
 * text. The lexicon is the same on every machine (its own fixed seed); the draws come from the
 * generator's random source. No word contains a digit, a contact app's name, "snap", '@' or '#',
 * so chatter never adds a phone number, a channel or a hashtag to a post.
 */
final class SampleVocabulary {
    static final int SIZE = 25_000;
    /** Words that must not appear inside a chatter word (they would code a channel or look like one). */
    private static final List<String> FORBIDDEN = List.of("wickr", "kik", "telegram", "whatsapp", "snap", "email",
            "phone", "xan", "oxy", "lsd", "mdma", "molly", "perc", "roxy", "dm");
    private static final List<String> EVERYDAY = List.of(("time day night morning week weekend today tonight tomorrow "
            + "yesterday summer winter spring fall year month moment life love friend friends family mom dad sister "
            + "brother baby girl boy guy people team crew squad home house room bed kitchen car road trip beach lake "
            + "river ocean sea mountain hill park city town street club bar cafe coffee tea pizza burger taco food "
            + "dinner lunch breakfast brunch cake cookie dessert wine beer drink water juice smoothie sun moon star sky "
            + "cloud rain snow storm wind light dark fire ice gold silver blue green red pink purple black white "
            + "yellow orange color colors photo pic picture selfie video music song album show movie game match "
            + "goal win loss point score fun party dance dancing vibe vibes mood energy power peace dream dreams "
            + "hope faith soul heart mind body face hair eyes smile laugh tears happy sad tired bored excited "
            + "grateful blessed lucky crazy wild chill calm quiet loud fresh clean new old young big small little "
            + "long short best good great nice cool amazing awesome beautiful pretty cute lovely perfect real true "
            + "fake funny weird strange busy lazy hungry sleepy ready late early always never sometimes again still "
            + "just really very so too much more most less enough almost finally literally actually honestly "
            + "basically seriously totally maybe probably definitely work job office boss school class college "
            + "teacher student study exam test homework project book books read reading write writing art paint "
            + "drawing design style fashion outfit shoes dress shirt jacket hat bag glasses watch ring makeup nails "
            + "gym workout run running walk walking hike hiking bike yoga fitness health healthy diet sleep rest "
            + "relax shower bath dog dogs cat cats puppy kitten pet bird horse flower flowers garden tree trees "
            + "forest field farm sunset sunrise view window door wall floor roof bridge tower train plane airport "
            + "hotel vacation holiday travel adventure journey story stories memory memories throwback birthday "
            + "wedding anniversary graduation concert festival stage crowd band singer drummer guitar piano bass "
            + "beat beats track tracks remix studio record mic camera lens edit filter post posts feed page follow "
            + "like likes comment comments share caption bio link stream live online phonecase laptop screen app "
            + "apps game games gamer level boss sneakers kicks hoodie tshirt jeans socks cap chain bracelet "
            + "necklace earrings perfume candle plant plants pot kitchen recipe cooking baking grill bbq picnic "
            + "camping fishing surfing skating skiing swimming soccer football basketball baseball hockey tennis "
            + "golf boxing racing driving shopping mall market store sale deal deals price money cash rent bills "
            + "job hustle grind goals focus motivation inspiration quote quotes truth lies trust loyalty respect "
            + "drama tea gossip news update thoughts feelings anxiety stress therapy healing growth change journey "
            + "sunday monday tuesday wednesday thursday friday saturday january february march april may june july "
            + "august september october november december").split(" "));
    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k",
            "l", "m", "n", "p", "pr", "qu", "r", "s", "sh", "st", "t", "tr", "v", "w", "y", "z", "bl", "cl", "sl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y", "ee", "oo"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "x", "ck", "nd", "ll", "ss"};
    private static final String[] ENDINGS = {"", "", "ia", "ton", "ville", "son", "ly", "ster", "io", "ella", "berg",
            "ford", "wood", "field", "a", "o", "ie", "us"};

    private static final List<String> WORDS = build();

    private SampleVocabulary() {
    }

    /** The lexicon, most frequent first. */
    static List<String> words() {
        return WORDS;
    }

    /** One word, Zipf-like: word k is drawn with probability proportional to 1 / (k + 20). */
    static String word(Random random) {
        // inverse of the continuous 1/(k + 8) distribution over [0, SIZE)
        double u = random.nextDouble();
        double k = 20 * Math.pow((SIZE + 20) / 20.0, u) - 20;
        return WORDS.get(Math.min(SIZE - 1, (int) k));
    }

    /** A run of {@code n} words, like the chatter around a caption's message. */
    static String chatter(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word(random));
        }
        return b.toString();
    }

    private static List<String> build() {
        Random r = new Random(10_000L);
        Set<String> out = new LinkedHashSet<>();
        for (String w : EVERYDAY) {
            add(out, w);
        }
        // misspellings and stretched words
        for (String w : EVERYDAY) {
            add(out, misspell(w, r));
            if (r.nextInt(3) == 0) {
                add(out, w + w.charAt(w.length() - 1) + w.charAt(w.length() - 1));
            }
        }
        // invented names (people, places, brands) and run-together pairs, interleaved
        while (out.size() < SIZE) {
            if (r.nextInt(3) == 0) {
                add(out, invented(r));
            } else {
                add(out, EVERYDAY.get(r.nextInt(EVERYDAY.size())) + EVERYDAY.get(r.nextInt(EVERYDAY.size())));
            }
        }
        List<String> list = new ArrayList<>(out);
        // the everyday words stay the most frequent; the tail is mixed
        List<String> head = new ArrayList<>(list.subList(0, EVERYDAY.size() / 2));
        List<String> tail = new ArrayList<>(list.subList(EVERYDAY.size() / 2, list.size()));
        java.util.Collections.shuffle(tail, r);
        head.addAll(tail);
        return List.copyOf(head.subList(0, SIZE));
    }

    private static void add(Set<String> out, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String f : FORBIDDEN) {
            if (w.contains(f)) {
                return;
            }
        }
        if (w.length() >= 2) {
            out.add(w);
        }
    }

    private static String misspell(String w, Random r) {
        if (w.length() < 4) {
            return w + w.charAt(w.length() - 1);
        }
        int i = 1 + r.nextInt(w.length() - 2);
        return switch (r.nextInt(3)) {
            case 0 -> "aeiou".indexOf(w.charAt(i)) >= 0 ? w.substring(0, i) + w.substring(i + 1) : w.substring(0, i) + w.charAt(i) + w.substring(i);
            case 1 -> w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
            default -> w.substring(0, i) + w.charAt(i) + w.substring(i);
        };
    }

    private static String invented(Random r) {
        StringBuilder b = new StringBuilder();
        int syllables = 2 + r.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        b.append(CODAS[r.nextInt(CODAS.length)]).append(ENDINGS[r.nextInt(ENDINGS.length)]);
        return b.toString();
    }
}
