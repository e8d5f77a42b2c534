package org.signalbench.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalbench.bundle.BundlePost;
import org.signalbench.bundle.BundleWriter;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.jobs.JobContext;
import org.signalbench.sample.SampleText.NegativeKind;

/**
 * Writes the built-in sample ({@code sample-data/}): an invented Instagram corpus shaped like the
 * published study (bundle, media, two coders' and the expert's files), plus small trees in
 * Instaloader's and Twitter's real formats. The same seed and size always give the same bytes:
 * everything is drawn from one seeded {@link Random} in a fixed order, and nothing reads the clock.
 */
public final class SampleGenerator {
    public static final long DEFAULT_SEED = 20_181_018L;
    public static final Instant COLLECTION_START = Instant.parse("2018-07-19T00:00:00Z");
    /** Exclusive: the last collection day is 2018-10-18. */
    public static final Instant COLLECTION_END = Instant.parse("2018-10-19T00:00:00Z");
    public static final String STUDY_FOLDER = "instagram-study";

    private static final Pattern HASHTAG = Pattern.compile("#([A-Za-z0-9_]+)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern FICTIONAL_PHONE = Pattern.compile("\\b555[ .-]01\\d\\d");
    private static final List<String> EXTRA_SEARCHES = List.of("percocet", "roxy", "molly", "acid", "xanaxbars");
    private static final List<SampleFigures.HashtagGroup> TABLE2 = SampleFigures.table2();
    private static final List<String> SEARCHES = buildSearches();
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    /**
     * @param images      write PNG media (off for the fast benchmark corpus; the bundle then lists no media)
     * @param dealerShare share of dealer posts, or NaN for the study's (1,228 of 12,857)
     */
    public record Options(Path out, long seed, int posts, boolean images, double dealerShare) {
        public Options(Path out, long seed, int posts, boolean images) {
            this(out, seed, posts, images, Double.NaN);
        }

        public static Options standard(Path out) {
            return new Options(out, DEFAULT_SEED, SampleFigures.STUDY_POSTS, true);
        }
    }

    /** What was written. */
    public record Summary(int posts, int dealerPosts, int dealerAccounts, int mediaFiles, int instaloaderPosts,
                          int tweets) {
    }

    /** A comment as planned. */
    record PlannedComment(String author, String text, Instant at) {
    }

    /** One Instagram post with its ground truth (what the coders will answer). */
    static final class PlannedPost {
        String shortcode;
        long mediaId;
        Instant postedAt;
        String author;
        String authorId;
        boolean dealer;
        NegativeKind kind;
        String caption;
        List<PlannedComment> comments = new ArrayList<>();
        List<SampleImages.Spec> images = new ArrayList<>();
        List<String> collectedUnder = List.of();
        List<String> links = List.of();
        Set<String> channels = new TreeSet<>();
        boolean exchange;
        /** 0: the coders agree on dealer; 1: coder A answers wrong; 2: coder B answers wrong. */
        int disagreement;
        // working state while planning
        List<Integer> drugGroups = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean tagsInFirstComment;
        SampleText.DealerStyle style = SampleText.DealerStyle.OPEN;

        String imageCategory() {
            if (images.isEmpty()) {
                return null;
            }
            // a post with several pictures is categorised by the most drug-like one
            String best = "unrelated";
            for (SampleImages.Spec s : images) {
                if (rank(s.kind().category) < rank(best)) {
                    best = s.kind().category;
                }
            }
            return best;
        }

        boolean contactNote() {
            return images.stream().anyMatch(s -> s.note() != null);
        }

        private static int rank(String category) {
            return List.of("both", "rx_only", "illicit_only", "unclassifiable", "unrelated").indexOf(category);
        }

        List<String> mediaPaths() {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                paths.add("media/" + shortcode + (i == 0 ? "" : "_" + (i + 1)) + ".png");
            }
            return paths;
        }
    }

    private final Options options;
    private final SampleFigures figures;
    private final Random random;
    private final SampleText text;
    private final Set<String> usedHandles = new HashSet<>();
    private final Set<String> usedShortcodes = new HashSet<>();
    private final Set<String> usedAuthorIds = new HashSet<>();
    private final List<String> commenters = new ArrayList<>();

    public SampleGenerator(Options options) {
        this.options = options;
        this.figures = SampleFigures.scaledTo(options.posts(), options.dealerShare());
        this.random = new Random(options.seed());
        this.text = new SampleText(random);
    }

    /**
     * Writes the sample into {@code options.out()}: every file is written into a staged folder beside
     * it ({@link SafeOutputFile#stageFolder}) and moved in when all are complete, so a failed or killed
     * run adds no file to the folder (the writers below write plain files, into the staged folder only).
     */
    public Summary generate(JobContext job) throws IOException {
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(options.out(), (Path) null)) {
            Summary summary = generateInto(staged.path(), job);
            staged.publish();
            return summary;
        }
    }

    private Summary generateInto(Path out, JobContext job) throws IOException {
        job.progress(0, 4, "planning posts");
        for (int i = 0; i < Math.max(200, options.posts() / 10); i++) {
            commenters.add(uniqueHandle(false));
        }
        List<PlannedPost> dealers = planDealers();
        List<PlannedPost> negatives = planNegatives();
        List<PlannedPost> all = new ArrayList<>(dealers);
        all.addAll(negatives);
        finish(all);
        all.sort(Comparator.comparing((PlannedPost p) -> p.postedAt).thenComparing(p -> p.shortcode));

        Path study = out.resolve(STUDY_FOLDER);
        Files.createDirectories(study.resolve("coders"));
        job.progress(1, 4, "writing the bundle");
        int mediaFiles = writeBundle(study, all);
        job.progress(2, 4, "writing coder files");
        new CoderFileWriter(all).write(study.resolve("coders"));
        job.progress(3, 4, "writing Instaloader and Twitter samples");
        int instaloader = new InstaloaderTreeWriter(new Random(options.seed() + 1), options.images())
                .write(out.resolve("instaloader"), all);
        int tweets = new TwitterSampleWriter(new Random(options.seed() + 2)).write(out.resolve("twitter"));
        writeReadme(out, all.size());
        job.progress(4, 4, "done");
        long accounts = dealers.stream().map(p -> p.author).distinct().count();
        return new Summary(all.size(), dealers.size(), (int) accounts, mediaFiles, instaloader, tweets);
    }

    // ---------------------------------------------------------------- dealers

    private List<PlannedPost> planDealers() {
        int d = figures.dealerPosts();
        List<String> accounts = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < figures.dealerAccounts(); i++) {
            accounts.add(uniqueHandle(true));
            accountIds.add(uniqueAuthorId());
        }
        // every account posts at least once; the rest go mostly to a few busy accounts
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            owner.add(i);
        }
        while (owner.size() < d) {
            double u = random.nextDouble();
            owner.add((int) (accounts.size() * u * u));
        }
        Collections.shuffle(owner, random);
        List<PlannedPost> posts = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            PlannedPost p = new PlannedPost();
            p.dealer = true;
            p.author = accounts.get(owner.get(i));
            p.authorId = accountIds.get(owner.get(i));
            posts.add(p);
        }
        assignHashtags(posts);
        assignChannels(posts);
        for (int i : shuffledIndexes(d).subList(0, figures.exchange())) {
            posts.get(i).exchange = true;
        }
        List<Integer> disagreeing = shuffledIndexes(d).subList(0, figures.coderDisagreements() / 2);
        for (int k = 0; k < disagreeing.size(); k++) {
            posts.get(disagreeing.get(k)).disagreement = 1 + k % 2;
        }
        assignDealerImages(posts);
        assignDealerStyles(posts);
        for (PlannedPost p : posts) {
            p.caption = text.dealerCaption(p.drugGroups, p.tagsInFirstComment ? List.of() : p.tags,
                    SampleText.channelsOrNone(p.channels), p.author, p.style);
            p.comments = dealerComments(p);
        }
        return posts;
    }

    /**
     * Which dealer posts hide their offer: as many NOISE posts as the coders had dealer
     * disagreements (label noise of the size the study's kappa allows), on posts that name no contact
     * app (an app a post is coded with is always named in its caption); then HIDDEN on 60 % of
     * the posts whose picture shows the drugs and on {@value #HIDDEN_SHARE} of the others.
     */
    private void assignDealerStyles(List<PlannedPost> posts) {
        Set<String> apps = Set.of("wickr", "telegram", "kik", "whatsapp");
        int noise = figures.coderDisagreements() / 2;
        for (int i : shuffledIndexes(posts.size())) {
            PlannedPost p = posts.get(i);
            if (noise > 0 && p.channels.stream().noneMatch(apps::contains)) {
                p.style = SampleText.DealerStyle.NOISE;
                noise--;
            } else {
                boolean drugPicture = !p.images.isEmpty() && !"unrelated".equals(p.imageCategory());
                if (text.chance(drugPicture ? 0.6 : HIDDEN_SHARE)) {
                    p.style = SampleText.DealerStyle.HIDDEN;
                }
            }
        }
    }

    private static final double HIDDEN_SHARE = 0.12;

    /** Table 2: each hashtag covers a cyclic run of its drug group's posts, so counts and unions are exact. */
    private void assignHashtags(List<PlannedPost> posts) {
        List<Integer> order = shuffledIndexes(posts.size());
        int withoutTags = figures.dealersWithoutHashtags();
        for (int i : order.subList(0, withoutTags)) {
            PlannedPost p = posts.get(i);
            p.tagsInFirstComment = true;
            int g = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
            p.drugGroups.add(g);
            SampleFigures.HashtagGroup group = figures.groups().get(g);
            List<String> tags = new ArrayList<>(group.hashtags());
            Collections.shuffle(tags, random);
            p.tags.addAll(tags.subList(0, 1 + random.nextInt(Math.min(3, tags.size()))));
        }
        List<Integer> tagged = order.subList(withoutTags, order.size());
        int h = tagged.size();
        List<SampleFigures.HashtagGroup> groups = figures.groups();
        int xanax = groups.get(0).union();
        int lsdStart = Math.min(h - groups.get(2).union(), xanax); // LSD covers the posts Xanax leaves
        int[][] ranges = {
                {0, xanax},
                {Math.max(0, xanax - groups.get(1).union()), Math.max(0, xanax - groups.get(1).union()) + groups.get(1).union()},
                {lsdStart, h},
                {h - groups.get(3).union(), h}};
        for (int g = 0; g < groups.size(); g++) {
            SampleFigures.HashtagGroup group = groups.get(g);
            List<Integer> members = tagged.subList(ranges[g][0], Math.min(h, ranges[g][1]));
            int u = members.size();
            int offset = 0;
            for (int t = 0; t < group.hashtags().size(); t++) {
                int count = Math.min(u, group.counts().get(t));
                for (int k = 0; k < count; k++) {
                    PlannedPost p = posts.get(members.get((offset + k) % u));
                    p.tags.add(group.hashtags().get(t));
                    if (!p.drugGroups.contains(g)) {
                        p.drugGroups.add(g);
                    }
                }
                offset += count;
            }
        }
        for (int i : tagged) {
            Collections.shuffle(posts.get(i).tags, random);
            Collections.sort(posts.get(i).drugGroups);
        }
    }

    /** Contact channels as overlapping runs over a shuffled order, so each app's count is exact. */
    private void assignChannels(List<PlannedPost> posts) {
        int d = posts.size();
        double f = (double) figures.posts() / SampleFigures.STUDY_POSTS;
        String[] names = {"wickr", "telegram", "kik", "whatsapp", "phone", "email", "other"};
        int[] counts = {figures.wickr(), figures.telegram(), figures.kik(), figures.whatsapp(), figures.phone(),
                figures.email(), figures.other()};
        int[] overlaps = {0, 45, 25, 15, 10, 10, 0};
        List<Integer> order = shuffledIndexes(d);
        int start = 0;
        for (int c = 0; c < names.length; c++) {
            start -= (int) Math.round(overlaps[c] * f);
            start = Math.max(0, start);
            for (int k = 0; k < Math.min(d, counts[c]); k++) {
                posts.get(order.get((start + k) % d)).channels.add(names[c]);
            }
            start += counts[c];
        }
    }

    private List<PlannedComment> dealerComments(PlannedPost p) {
        List<String[]> raw = new ArrayList<>();
        if (p.tagsInFirstComment) {
            // the post was found because its owner put the hashtags in the first comment
            List<String> marked = new ArrayList<>();
            for (String t : p.tags) {
                marked.add("#" + t);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                marked.add("#" + text.pick(SampleText.DEALER_EXTRA_TAGS));
            }
            raw.add(new String[] {p.author, String.join(" ", marked)});
        }
        if (p.style != SampleText.DealerStyle.OPEN) {
            // the offer and the contacts the caption leaves out, under the post (where the findings' patterns look too)
            raw.add(new String[] {p.author, text.ownerOffer(p.drugGroups, SampleText.channelsOrNone(p.channels), p.author)});
        }
        if (p.exchange) {
            if (text.chance(0.3)) {
                raw.add(new String[] {text.pick(commenters), text.casualComment()});
            }
            raw.addAll(text.exchangeComments(p.author, commenters, p.drugGroups));
        } else {
            for (int i = random.nextInt(3); i > 0; i--) {
                raw.add(new String[] {text.pick(commenters), text.casualComment()});
            }
        }
        return timed(raw);
    }

    private void assignDealerImages(List<PlannedPost> posts) {
        List<Integer> order = shuffledIndexes(posts.size());
        int[] bounds = {figures.rxOnly(), figures.illicitOnly(), figures.both(), figures.unclassifiable(),
                figures.unrelated()};
        List<PlannedPost> withImage = new ArrayList<>();
        int index = 0;
        for (int c = 0; c < bounds.length; c++) {
            for (int k = 0; k < bounds[c]; k++) {
                PlannedPost p = posts.get(order.get(index++));
                withImage.add(p);
                SampleImages.Kind kind = switch (c) {
                    case 0 -> p.drugGroups.contains(1) && !p.drugGroups.contains(0) ? SampleImages.Kind.OXY_PILLS
                            : text.chance(0.8) ? SampleImages.Kind.RX_PILLS : SampleImages.Kind.OXY_PILLS;
                    case 1 -> p.drugGroups.contains(2) ? SampleImages.Kind.BLOTTER
                            : text.chance(0.3) ? SampleImages.Kind.BLOTTER : SampleImages.Kind.BAGGIE;
                    case 2 -> SampleImages.Kind.PILLS_AND_BAGGIE;
                    case 3 -> SampleImages.Kind.UNCLEAR;
                    default -> text.pick(List.of(SampleImages.Kind.SUNSET, SampleImages.Kind.CITY,
                            SampleImages.Kind.PARTY_LIGHTS));
                };
                p.images.add(new SampleImages.Spec(kind, random.nextLong(), null, imprint(kind)));
            }
        }
        // the written contact notes go on drug pictures of posts that name a messaging app
        Collections.shuffle(withImage, random);
        int notes = 0;
        for (PlannedPost p : withImage) {
            if (notes == figures.contactNotes()) {
                break;
            }
            SampleImages.Spec s = p.images.get(0);
            String app = p.channels.stream().filter(c -> Set.of("wickr", "telegram", "kik", "whatsapp").contains(c))
                    .findFirst().orElse(null);
            if (app != null && !s.kind().category.equals("unrelated")) {
                p.images.set(0, new SampleImages.Spec(s.kind(), s.seed(), text.noteText(app, p.author), s.label()));
                notes++;
            }
        }
    }

    private String imprint(SampleImages.Kind kind) {
        return switch (kind) {
            case RX_PILLS -> text.pick("G3722", "S 90 3", "GG 249", "B707", "2 0 9 0");
            case OXY_PILLS, PILLS_AND_BAGGIE -> text.pick("M 30", "OC 80", "A 215", "K9", "512");
            default -> null;
        };
    }

    // ---------------------------------------------------------------- negatives

    private List<PlannedPost> planNegatives() {
        int n = figures.posts() - figures.dealerPosts();
        List<String> accounts = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < Math.max(10, n * 10 / 23); i++) {
            accounts.add(uniqueHandle(false));
            accountIds.add(uniqueAuthorId());
        }
        List<String> searches = searches();
        List<PlannedPost> posts = new ArrayList<>();
        // label noise the other way: as many dealer-like ads settled as not a dealer post as there are NOISE dealers
        int lookalikes = figures.coderDisagreements() / 2;
        for (int i = 0; i < n; i++) {
            PlannedPost p = new PlannedPost();
            double u = random.nextDouble();
            int a = (int) (accounts.size() * u * u * u); // a few accounts post a lot
            p.author = accounts.get(a);
            p.authorId = accountIds.get(a);
            p.kind = i < lookalikes ? NegativeKind.DEALER_LOOKALIKE : text.negativeKind();
            String seller = p.kind == NegativeKind.OTHER_SELLER || p.kind == NegativeKind.FOLLOWER_SELLER
                    ? p.author : null;
            p.caption = text.negativeText(p.kind, seller == null ? p.author : seller, text.pick(commenters));
            for (String c : SampleText.CHANNELS) {
                if (seller != null && mentionsChannel(p.caption, c)) {
                    p.channels.add(c);
                }
            }
            p.caption = text.decorate(p.kind, p.caption, text.pick(commenters));
            // searches bring in every kind of post: each carries at least one searched hashtag,
            // mostly one that fits the drug its text names
            List<String> fitting = fittingSearches(p.caption, searches);
            int drugTags = 1 + random.nextInt(3);
            for (int k = 0; k < drugTags; k++) {
                String tag = k == 0 || text.chance(0.5) ? text.pick(text.chance(0.8) ? fitting : searches)
                        : text.pick(SampleText.DEALER_EXTRA_TAGS);
                if (!p.tags.contains(tag)) {
                    p.tags.add(tag);
                }
            }
            List<String> kindTags = text.kindTags(p.kind);
            for (int k = random.nextInt(4); k > 0; k--) {
                String tag = text.chance(0.75) ? text.pick(kindTags) : text.pick(SampleText.NEGATIVE_EXTRA_TAGS);
                if (!p.tags.contains(tag)) {
                    p.tags.add(tag);
                }
            }
            Collections.shuffle(p.tags, random);
            p.tagsInFirstComment = text.chance(0.04);
            if (!p.tagsInFirstComment) {
                p.caption = text.assemble(List.of(p.caption), p.tags);
            }
            List<String[]> raw = new ArrayList<>();
            if (p.tagsInFirstComment) {
                raw.add(new String[] {p.author, "#" + String.join(" #", p.tags)});
            }
            for (int k = random.nextInt(4); k > 0; k--) {
                raw.add(new String[] {text.pick(commenters), seller != null && text.chance(0.5)
                        ? text.pick("how much for size 10?", "do u have XL?", "price for 2k followers?",
                        "dm'd you", "legit? got mine yesterday", "still available?")
                        : text.casualComment()});
            }
            p.comments = timed(raw);
            posts.add(p);
        }
        assignNegativeImages(posts);
        // the coders' other disagreements: hard negatives one coder took for a dealer
        List<Integer> hard = new ArrayList<>();
        for (int i : shuffledIndexes(n)) {
            NegativeKind k = posts.get(i).kind;
            if (k == NegativeKind.OTHER_SELLER || k == NegativeKind.FOLLOWER_SELLER || k == NegativeKind.PERSONAL_USE) {
                hard.add(i);
            }
        }
        int wanted = figures.coderDisagreements() - figures.coderDisagreements() / 2;
        for (int k = 0; k < Math.min(wanted, hard.size()); k++) {
            posts.get(hard.get(k)).disagreement = 1 + (k + 1) % 2;
        }
        return posts;
    }

    /** The searches for the drug a text names (any search when it names none). */
    private static List<String> fittingSearches(String caption, List<String> searches) {
        String lower = caption.toLowerCase(Locale.ROOT);
        List<SampleFigures.HashtagGroup> groups = TABLE2;
        List<String> out = new ArrayList<>();
        String[][] words = {{"xan", "bar", "zanax", "anxiety", "chill pill"}, {"oxy", "perc", "roxy", "opioid", "pain", "m30"},
                {"lsd", "acid", "trip", "tabs", "psychedelic", "60s"}, {"molly", "mdma", "rave", "festival", "ecstasy"}};
        for (int g = 0; g < words.length; g++) {
            for (String w : words[g]) {
                if (lower.contains(w)) {
                    out.addAll(groups.get(g).hashtags());
                    break;
                }
            }
        }
        if (lower.contains("perc")) {
            out.add("percocet");
        }
        if (lower.contains("roxy")) {
            out.add("roxy");
        }
        if (lower.contains("molly")) {
            out.add("molly");
        }
        if (lower.contains("acid")) {
            out.add("acid");
        }
        return out.isEmpty() ? searches : out;
    }

    private static boolean mentionsChannel(String caption, String channel) {
        String lower = caption.toLowerCase(Locale.ROOT);
        return switch (channel) {
            case "email" -> lower.contains("@example.com");
            case "phone" -> FICTIONAL_PHONE.matcher(lower).find() && !lower.contains("whatsapp");
            case "other" -> lower.contains("snap");
            default -> lower.contains(channel);
        };
    }

    private void assignNegativeImages(List<PlannedPost> posts) {
        for (int i : shuffledIndexes(posts.size()).subList(0, Math.min(posts.size(), figures.negativesWithImages()))) {
            PlannedPost p = posts.get(i);
            int count = text.chance(0.7) ? 1 : text.chance(0.65) ? 2 : 3;
            for (int k = 0; k < count; k++) {
                SampleImages.Kind kind = negativeImageKind(p.kind);
                String note = null;
                if (k == 0 && !p.channels.isEmpty() && text.chance(0.3)) {
                    String app = p.channels.iterator().next();
                    note = text.noteText(app, p.author);
                }
                String label = switch (kind) {
                    case RECOVERY_CHIP -> text.pick("1 YEAR", "90 DAYS", "30 DAYS", "6 MONTHS");
                    case NEWS_CARD -> text.pick("Fake pills seized in county raid", "Overdoses rise as pills go online",
                            "Police warn of pressed pills");
                    case MUSIC_COVER -> text.pick("Xanax Dreams", "Percocet Skies", "Molly Moon", "Blue Bars");
                    case MEME_CARD -> text.pick("when the plug says 5 min", "me after one xanax", "monday again");
                    default -> imprint(kind);
                };
                p.images.add(new SampleImages.Spec(kind, random.nextLong(), note, label));
            }
        }
    }

    private SampleImages.Kind negativeImageKind(NegativeKind kind) {
        return switch (kind) {
            case PERSONAL_USE -> text.pick(List.of(SampleImages.Kind.RX_PILLS, SampleImages.Kind.OXY_PILLS,
                    SampleImages.Kind.BLOTTER, SampleImages.Kind.SUNSET));
            case RECOVERY -> SampleImages.Kind.RECOVERY_CHIP;
            case NEWS -> text.chance(0.6) ? SampleImages.Kind.NEWS_CARD : SampleImages.Kind.OXY_PILLS;
            case MUSIC -> SampleImages.Kind.MUSIC_COVER;
            case PHARMACY, HELPLINE -> text.chance(0.7) ? SampleImages.Kind.PHARMACY_SIGN : SampleImages.Kind.RX_PILLS;
            case OTHER_SELLER -> text.chance(0.6) ? SampleImages.Kind.SNEAKER : SampleImages.Kind.HOODIE;
            case FOLLOWER_SELLER, MEME, HASHTAG_SPAM -> SampleImages.Kind.MEME_CARD;
            case PARTY -> text.chance(0.8) ? SampleImages.Kind.PARTY_LIGHTS : SampleImages.Kind.CITY;
            case HARM_REDUCTION -> text.chance(0.5) ? SampleImages.Kind.OXY_PILLS : SampleImages.Kind.UNCLEAR;
            case ART -> text.chance(0.5) ? SampleImages.Kind.BLOTTER : SampleImages.Kind.SUNSET;
            case LIFESTYLE -> text.pick(List.of(SampleImages.Kind.SUNSET, SampleImages.Kind.CITY, SampleImages.Kind.PARTY_LIGHTS));
            case BUYER, SCAM_WARNING -> text.chance(0.5) ? SampleImages.Kind.MEME_CARD : SampleImages.Kind.CITY;
            case PHARMACY_AD -> SampleImages.Kind.PHARMACY_SIGN;
            case DEALER_LOOKALIKE -> text.chance(0.5) ? SampleImages.Kind.RX_PILLS : SampleImages.Kind.BAGGIE;
        };
    }

    // ---------------------------------------------------------------- times, ids, searches

    /** Gives every post its time, id and shortcode, comment times, searches and links. */
    private void finish(List<PlannedPost> posts) {
        long span = COLLECTION_END.getEpochSecond() - COLLECTION_START.getEpochSecond();
        for (PlannedPost p : posts) {
            p.postedAt = COLLECTION_START.plusSeconds((long) (random.nextDouble() * span));
            do {
                p.mediaId = Ids.instagramMediaId(p.postedAt, random);
                p.shortcode = Ids.shortcode(p.mediaId);
            } while (!usedShortcodes.add(p.shortcode));
            Instant at = p.postedAt;
            List<PlannedComment> timed = new ArrayList<>();
            for (PlannedComment c : p.comments) {
                at = at.plusSeconds(30 + random.nextInt(p.comments.size() > 1 ? 7200 : 36_000));
                timed.add(new PlannedComment(c.author(), c.text(), at));
            }
            p.comments = timed;
            String tagSource = p.tagsInFirstComment ? p.comments.get(0).text() : p.caption;
            p.collectedUnder = collectedUnder(tagSource);
            List<String> links = new ArrayList<>();
            Matcher m = URL.matcher(p.caption);
            while (m.find()) {
                links.add(m.group());
            }
            p.links = links;
        }
    }

    /** The searches (in the fixed search order) whose hashtag the text carries. */
    private static List<String> collectedUnder(String text) {
        Set<String> present = new HashSet<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            present.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (String s : searches()) {
            if (present.contains(s)) {
                out.add("#" + s);
            }
        }
        return out;
    }

    /** The hashtag searches of the collection: Table 2's hashtags and a few more. */
    static List<String> searches() {
        return SEARCHES;
    }

    private static List<String> buildSearches() {
        List<String> all = new ArrayList<>();
        for (SampleFigures.HashtagGroup g : SampleFigures.table2()) {
            all.addAll(g.hashtags());
        }
        all.addAll(EXTRA_SEARCHES);
        return List.copyOf(all);
    }

    private List<PlannedComment> timed(List<String[]> raw) {
        List<PlannedComment> out = new ArrayList<>();
        for (String[] c : raw) {
            out.add(new PlannedComment(c[0], c[1], null));
        }
        return out;
    }

    private String uniqueHandle(boolean dealer) {
        String h;
        do {
            h = dealer ? text.dealerHandle() : text.personHandle();
        } while (!usedHandles.add(h));
        return h;
    }

    private String uniqueAuthorId() {
        String id;
        do {
            id = Long.toString(1_000_000L + (long) (random.nextDouble() * 8_999_999_000L));
        } while (!usedAuthorIds.add(id));
        return id;
    }

    private List<Integer> shuffledIndexes(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        Collections.shuffle(list, random);
        return list;
    }

    // ---------------------------------------------------------------- writing

    private int writeBundle(Path study, List<PlannedPost> posts) throws IOException {
        Path media = study.resolve("media");
        if (options.images()) {
            Files.createDirectories(media);
        }
        int files = 0;
        try (OutputStream stream = Files.newOutputStream(study.resolve("posts.jsonl"));
             BundleWriter writer = new BundleWriter(stream)) {
            for (PlannedPost p : posts) {
                List<BundlePost.BundleComment> comments = new ArrayList<>();
                for (PlannedComment c : p.comments) {
                    comments.add(new BundlePost.BundleComment(c.author(), c.text(), c.at().toString()));
                }
                List<String> paths = options.images() ? p.mediaPaths() : List.of();
                writer.write(new BundlePost("instagram", p.shortcode, p.author, p.authorId, p.postedAt.toString(),
                        p.caption, "https://www.instagram.com/p/" + p.shortcode + "/", comments, paths,
                        p.collectedUnder, p.links));
                for (int i = 0; i < paths.size(); i++) {
                    try (OutputStream png = Files.newOutputStream(study.resolve(paths.get(i)))) {
                        SampleImages.writePng(p.images.get(i), png);
                    }
                    files++;
                }
            }
        }
        return files;
    }

    private void writeReadme(Path out, int posts) throws IOException {
        String command = "mvn -q -B compile exec:java -Dexec.mainClass=org.signalbench.Launcher "
                + "-Dexec.args=\"sample --out sample-data"
                + (options.seed() == DEFAULT_SEED ? "" : " --seed " + options.seed())
                + (options.posts() == SampleFigures.STUDY_POSTS ? "" : " --posts " + options.posts())
                + (options.images() ? "" : " --no-images") + "\"";
        String readme = """
                # SignalBench built-in sample

                Everything here is invented: the posts, handles, account ids, phone numbers (all in the
                fictional 555-0100..555-0199 range), e-mail addresses (all at example.com), links and images.
                No real person, account or business is meant.

                The app imports this folder into a fresh workbench on first start
                (`import --db PATH sample-data/` does the same from the command line).

                | path | what |
                |---|---|
                | `instagram-study/posts.jsonl` | %d Instagram posts in the SignalBench bundle format (docs/formats/bundle.md), collected 2018-07-19 to 2018-10-18 under drug hashtag searches |
                | `instagram-study/media/` | small generated PNGs: pills with imprints, blotter tabs, baggies, hand-written contact notes, unrelated scenes |
                | `instagram-study/coders/coder-a.json`, `coder-b.json` | two coders' blind labels (docs/formats/coder-file.md) |
                | `instagram-study/coders/expert.json` | the expert's settlement of every dealer disagreement, with reasons |
                | `instaloader/` | about 50 of the same posts in Instaloader's on-disk layout (`#hashtag/<date>_UTC.json[.xz]`, comments, JPEGs); importing it after the bundle adds no new posts |
                | `twitter/tweets-v1.jsonl`, `tweets-v2.jsonl` | tweets as Twitter API v1.1 status objects and API v2 responses |

                The corpus reproduces the published Instagram study's figures (dealer posts, Table 2,
                contact apps, exchanges, image categories, kappa); docs/sample-data.md explains them.

                ## How it was made

                By the project's seeded generator (`org.signalbench.sample.SampleGenerator`, seed %d):

                    %s

                The same seed gives the same files (the PNG/JPEG text is drawn with the machine's fonts, so
                images may differ by a few pixels on another machine).
                """.formatted(posts, options.seed(), command);
        Files.writeString(out.resolve("README.md"), readme, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJsonLines(Writer writer, List<?> values) throws IOException {
        for (Object v : values) {
            writer.write(json(v));
            writer.write('\n');
        }
    }

    static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
