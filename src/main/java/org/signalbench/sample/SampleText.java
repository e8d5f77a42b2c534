package org.signalbench.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The invented vocabulary of the sample: handles, phone numbers, contact phrases, caption and
 * comment templates. Every phone number is in the 555-01xx range and every e-mail is at example.com.
 */
final class SampleText {
    private final Random random;

    SampleText(Random random) {
        this.random = random;
    }

    // ---------------------------------------------------------------- picking

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int lo, int hiInclusive) {
        return lo + random.nextInt(hiInclusive - lo + 1);
    }

    // ---------------------------------------------------------------- names and numbers

    private static final List<String> ADJECTIVES = List.of("frosty", "lucky", "velvet", "midnight", "golden",
            "silent", "cosmic", "urban", "sunny", "rapid", "lazy", "neon", "wild", "quiet", "salty", "crimson",
            "misty", "electric", "rusty", "happy", "northern", "coastal", "sleepy", "brave", "frozen", "chill",
            "smooth", "vintage", "lunar", "solar", "stormy", "honest", "fuzzy", "dusty", "pixel", "retro",
            "tiny", "mellow", "bold", "clever", "hazy", "mint", "jade", "amber", "ivory", "cobalt");
    private static final List<String> NOUNS = List.of("tabs", "owl", "fox", "river", "wave", "kicks", "rider",
            "cloud", "panda", "tiger", "vibes", "garden", "lens", "beats", "chef", "runner", "dreamer", "coast",
            "pines", "harbor", "falcon", "comet", "maple", "cactus", "lotus", "ember", "pebble", "otter",
            "raven", "spark", "meadow", "canyon", "bison", "koala", "mango", "peach", "biscuit", "noodle",
            "pilot", "sailor", "skater", "lifter", "gamer", "artist", "poet", "nomad");
    private static final List<String> DEALER_WORDS = List.of("plug", "meds", "pharma", "supply", "connect",
            "depot", "shop", "store", "express", "direct", "rx", "candy", "tabs", "bars", "blues");

    String personHandle() {
        String a = pick(ADJECTIVES);
        String n = pick(NOUNS);
        return switch (random.nextInt(6)) {
            case 0 -> a + "_" + n;
            case 1 -> a + "." + n + random.nextInt(100);
            case 2 -> a + n + "_";
            case 3 -> "the." + a + "." + n;
            case 4 -> a + "_" + n + "_" + (10 + random.nextInt(90));
            default -> n + "." + a + (1990 + random.nextInt(15));
        };
    }

    String dealerHandle() {
        if (chance(0.4)) {
            return personHandle(); // many dealers' handles say nothing about what they sell
        }
        String a = pick(ADJECTIVES);
        String w = pick(DEALER_WORDS);
        return switch (random.nextInt(5)) {
            case 0 -> a + "_" + w + "_" + (10 + random.nextInt(90));
            case 1 -> w + "." + a + random.nextInt(1000);
            case 2 -> "the_" + a + "_" + w;
            case 3 -> a + w + "_official";
            default -> a + "." + w + "." + pick("usa", "la", "nyc", "247", "uk", "eu");
        };
    }

    private static final List<String> AREA_CODES = List.of("213", "310", "323", "424", "818", "626", "415",
            "312", "646", "702", "305", "206");

    /** A phone number in the fictional 555-0100..0199 range, in one of the ways people write them. */
    String phone() {
        String area = pick(AREA_CODES);
        String line = lineNumber();
        return switch (random.nextInt(4)) {
            case 0 -> area + "-555-" + line;
            case 1 -> "(" + area + ") 555-" + line;
            case 2 -> "+1 " + area + " 555 " + line;
            default -> area + ".555." + line;
        };
    }

    String tollFree() {
        return pick("(800) 555-", "1-800-555-", "888-555-") + lineNumber();
    }

    /** 0100..0199: the line numbers reserved for fiction. */
    private String lineNumber() {
        int n = random.nextInt(100);
        return (n < 10 ? "010" : "01") + n;
    }

    String email(String handle) {
        return handle.replace('.', '_') + "@example.com";
    }

    String emoji() {
        return pick("🔥", "💊", "💯", "✅", "🚀", "📦", "💰", "👌", "🙏", "😎", "🌈", "💎", "⚡", "🍭", "💙");
    }

    // ---------------------------------------------------------------- contact channels

    static final List<String> CHANNELS = List.of("email", "kik", "other", "phone", "telegram", "whatsapp", "wickr");

    /** A phrase that gives one contact channel; {@code none} gives an in-app offer without a channel. */
    String contactPhrase(String channel, String handle) {
        String h = handleVariant(handle);
        return switch (channel) {
            case "wickr" -> pick("wickr: " + h, "Wickr me @" + h, "wickr ➡️ " + h, "add on wickr " + h,
                    "WICKR: " + h, "wickr me: " + h + " " + emoji());
            case "telegram" -> pick("telegram @" + h, "Telegram: @" + h, "hmu on telegram @" + h,
                    "order on telegram 👉 @" + h, "TELEGRAM @" + h);
            case "kik" -> pick("kik me " + h, "Kik: " + h, "kik ➡️ " + h, "hit my kik " + h, "kik me @" + h);
            case "whatsapp" -> pick("whatsapp " + phone(), "WhatsApp: " + phone(), "whatsapp me " + phone(),
                    "text on whatsapp " + phone());
            case "phone" -> pick("text " + phone(), "call/text " + phone(), "txt only " + phone(),
                    "📱 " + phone());
            case "email" -> pick("email " + email(handle), "orders: " + email(handle), "mail me " + email(handle));
            case "other" -> pick("snapchat: " + h, "snap ➡️ " + h, "add my snapchat " + h);
            case "none" -> pick("dm for menu 📩", "DM me for prices", "dm for the list", "inbox me", "dm to order");
            default -> throw new IllegalArgumentException(channel);
        };
    }

    private String handleVariant(String handle) {
        String base = handle.replace(".", "_");
        return switch (random.nextInt(3)) {
            case 0 -> base;
            case 1 -> base.replace("_", "") + random.nextInt(100);
            default -> base + "_" + pick("backup", "2", "official", "x");
        };
    }

    /** The short text a hand-written contact note shows. */
    String noteText(String channel, String handle) {
        String h = handleVariant(handle);
        return switch (channel) {
            case "wickr" -> "wickr: " + h;
            case "telegram" -> "telegram @" + h;
            case "kik" -> "kik: " + h;
            case "whatsapp" -> "whatsapp " + phone();
            default -> "dm " + h;
        };
    }

    // ---------------------------------------------------------------- dealer captions

    private static final List<List<String>> PRODUCTS = List.of(
            List.of("2mg xanax bars (green, yellow, white)", "real pfizer xanax 2mg", "xanny bars 💊",
                    "greenies and yellow school buses", "xanax 1mg & 2mg bars", "alprazolam 2mg bars",
                    "xanex bars in stock", "G3722 bars"),
            List.of("oxy 80s (OC)", "oxycodone 30mg roxy", "percs 10/325", "oxycontin 40s and 80s",
                    "roxy 30s 💙", "oxycodone 15mg & 30mg", "oxys availble now", "OC 80s original"),
            List.of("lsd tabs 250ug", "acid blotters 🍭", "LSD-25 sheets", "gel tabs", "tabs 200ug+",
                    "liquid lsd and blotter"),
            List.of("mdma pills 💊", "molly caps 🎉", "MDMA crystal 0.5g-28g", "ecstasy pills",
                    "mdma 84% crystal", "molly 💎 pills & caps"));

    private static final List<String> OPENERS = List.of("🔥 restock 🔥", "new batch just landed", "✅ legit plug",
            "top shelf only", "Back in stock!!", "🚨 weekend special 🚨", "menu updated", "serious buyers only",
            "🇺🇸 USA based", "quality you can trust", "restocked", "hmu for the best prices");
    private static final List<String> OFFERS = List.of("discreet shipping 📦", "overnight delivery 🇺🇸",
            "stealth packaging", "bulk prices available", "fast n discreet", "no scams, legit only",
            "payment: btc, cashapp, paypal", "shipping worldwide 🌍", "reship guarantee", "delievery same day",
            "prices negotiable for bulk", "tracking on every order", "100% satisfaction", "samples for new customers");
    static final List<String> DEALER_EXTRA_TAGS = List.of("plug", "pharmacy", "painrelief", "anxiety", "pills",
            "xanaxbars", "percocet", "roxy", "molly", "acid", "bars", "oxy", "pain", "codeine", "lean",
            "adderall", "trippy", "meds", "onlineshop", "shipping");

    /**
     * How a dealer post shows its offer. OPEN: products, offer and contact in the caption. HIDDEN: the
     * caption is chatter with at most a bare contact handle; the products and prices are in the
     * picture or the owner's comment. NOISE: the caption reads like an ordinary post (the coders
     * labelled it from the picture, the comments or the account): the label noise a text model meets.
     */
    enum DealerStyle { OPEN, HIDDEN, NOISE }

    /** Street names, quantities and prices per drug group (Table 2's order: Xanax, oxycodone, LSD, MDMA). */
    private static final List<List<String>> SLANG = List.of(
            List.of("bars", "xannies", "zannies", "xanny bars", "ladders", "hulks", "school buses", "footballs", "greenies",
                    "planks", "alprazolam", "xans", "yellow bars", "white bars", "xanex", "xanaz"),
            List.of("percs", "perkys", "roxies", "blues", "m box 30s", "oc 80s", "oxys", "ox", "roxycodone",
                    "oxycontin", "oxycodon", "hillbilly heroin", "30s", "80s", "pain pills", "opana"),
            List.of("tabs", "blotter", "sheets", "acid", "lucy", "gel tabs", "vials", "doses", "strips", "hits",
                    "liquid", "cid"),
            List.of("molly", "beans", "rolls", "caps", "emma", "crystal", "presses", "x pills", "e", "mandy",
                    "pressed pills", "mdma"));
    private static final List<String> QUANTITIES = List.of("10", "20", "25", "50", "100", "a half", "a full sheet",
            "a zip", "1g", "3.5g", "a boat", "a pack", "a few", "bulk");
    private static final List<String> PRICES = List.of("$3 each", "$5 a pop", "$60", "$120", "$250", "$400 a boat",
            "cheap af", "best price", "deals on bulk", "price in dm", "prices low", "$$ negotiable");
    private static final List<String> HIDDEN_HINTS = List.of("menu in pic 👆", "check the pic 👀", "details in comments 👇",
            "link in bio", "you know what it is", "ask me", "if you know you know", "swipe ➡️", "open for business",
            "new stuff in", "serious ppl only", "back at it", "catch me on my other page", "still around");

    /** A dealer caption: products, offer, contact phrases and (if any) the given hashtags, as {@code style} shows them. */
    String dealerCaption(List<Integer> drugGroups, List<String> hashtags, List<String> channels, String handle,
                         DealerStyle style) {
        List<String> parts = new ArrayList<>();
        if (style == DealerStyle.NOISE) {
            parts.add(negativeText(pick(List.of(NegativeKind.PERSONAL_USE, NegativeKind.PARTY, NegativeKind.MEME,
                    NegativeKind.ART)), handle, handle));
        } else if (style == DealerStyle.HIDDEN) {
            parts.add(SampleVocabulary.chatter(random, between(2, 7)) + (chance(0.5) ? " " + emoji() : ""));
            parts.add(pick(HIDDEN_HINTS));
            for (String c : channels) {
                if (List.of("wickr", "telegram", "kik", "whatsapp").contains(c)) {
                    parts.add(chance(0.5) ? contactPhrase(c, handle) : pick("hmu on ", "", "my ", "add me on ") + c
                            + pick(" only", " in bio", "", " 📲", " for more"));
                }
            }
        } else {
            if (chance(0.6)) {
                parts.add(pick(OPENERS));
            }
            if (chance(0.35)) {
                parts.add(SampleVocabulary.chatter(random, between(1, 6)));
            }
            for (int g : drugGroups) {
                parts.add(chance(0.5) ? pick(PRODUCTS.get(g)) + (chance(0.3) ? " " + emoji() : "") : slangOffer(g));
            }
            if (chance(0.7)) {
                parts.add(pick(OFFERS));
            }
            if (chance(0.25)) {
                String second = pick(OFFERS);
                if (!parts.contains(second)) {
                    parts.add(second);
                }
            }
            for (String c : channels) {
                parts.add(contactPhrase(c, handle));
            }
        }
        List<String> tags = new ArrayList<>(hashtags);
        if (!tags.isEmpty()) {
            int extras = random.nextInt(5);
            for (int i = 0; i < extras; i++) {
                String extra = pick(DEALER_EXTRA_TAGS);
                if (!tags.contains(extra)) {
                    tags.add(extra);
                }
            }
        }
        return assemble(parts, tags);
    }

    /** A product line in street words: "20 bars $60", "got percs, cheap af". */
    private String slangOffer(int group) {
        String item = pick(SLANG.get(group));
        return switch (random.nextInt(4)) {
            case 0 -> pick(QUANTITIES) + " " + item + " " + pick(PRICES);
            case 1 -> "got " + item + ", " + pick(PRICES);
            case 2 -> item + " " + item + " " + item + " " + emoji();
            default -> item + " available " + pick(PRICES);
        };
    }

    /** What the owner of a HIDDEN or NOISE dealer post writes under it: the offer the caption leaves out. */
    String ownerOffer(List<Integer> drugGroups, List<String> channels, String handle) {
        List<String> parts = new ArrayList<>();
        for (int g : drugGroups) {
            parts.add(slangOffer(g));
        }
        parts.add(pick(OFFERS));
        for (String c : channels) {
            if (!c.equals("none")) {
                parts.add(contactPhrase(c, handle));
            }
        }
        return String.join(" ", parts);
    }

    /** Joins text parts and hashtags; some hashtags are mixed into the text, some cases changed. */
    String assemble(List<String> parts, List<String> tags) {
        List<String> marked = new ArrayList<>();
        for (String t : tags) {
            marked.add("#" + styleCase(t));
        }
        if (marked.size() > 1 && chance(0.05)) {
            marked.add("#" + marked.get(0).substring(1).toUpperCase(Locale.ROOT)); // the same tag twice
        }
        List<String> inline = new ArrayList<>();
        if (!marked.isEmpty() && parts.size() > 1 && chance(0.3)) {
            inline.add(marked.remove(random.nextInt(marked.size())));
        }
        StringBuilder sb = new StringBuilder();
        String sep = pick(" ", " ", " | ", "\n", " • ");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(parts.get(i));
            if (i == 0 && !inline.isEmpty()) {
                sb.append(' ').append(inline.get(0));
            }
        }
        if (!marked.isEmpty()) {
            sb.append(chance(0.4) ? "\n\n" : " ");
            sb.append(String.join(" ", marked));
        }
        return sb.toString().strip();
    }

    private String styleCase(String tag) {
        double r = random.nextDouble();
        if (r < 0.12) {
            return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        }
        if (r < 0.15) {
            return tag.toUpperCase(Locale.ROOT);
        }
        return tag;
    }

    // ---------------------------------------------------------------- comments

    private static final List<String> GENERIC_ASKS = List.of("price list?", "u take cashapp?", "min order?",
            "do u ship to canada?", "how much?", "still available?", "do you ship to uk?");
    private static final List<List<String>> DRUG_ASKS = List.of(
            List.of("how much for 20 bars", "need 50 bars asap", "still got greenies?", "how much for 100 bars 🙏",
                    "price on 10 xans?"),
            List.of("price for an 80?", "wats the price on 10 roxys", "you got percs?", "how much for 10 blues",
                    "need 30s asap"),
            List.of("how much for a sheet", "can i get 5 tabs", "price on 10 tabs?", "how strong are the tabs?"),
            List.of("how much for a ball", "price for 10 caps?", "molly still available?", "how much for a g?"));
    private static final List<String> SELLER_REPLIES = List.of("dm'd you", "check ur dm", "sent you the menu",
            "hit my line", "inbox bro", "dm me", "yes we ship, dm", "replied in dm");
    private static final List<String> VOUCHES = List.of("legit? got mine yesterday", "just copped, legit 💯",
            "got my pack today thanks bro", "fast shipping, legit plug", "vouch 🙌 arrived in 2 days",
            "ordered twice, never a problem", "is he legit?", "yes legit, got my bars");
    private static final List<String> CASUAL_COMMENTS = List.of("🔥🔥🔥", "👀", "lol", "follow back?",
            "stop selling this poison", "reported", "nice pic", "😂😂", "who even buys this", "scam dont trust",
            "check my page for free followers", "💯", "🙏", "wow", "this is sad", "nah", "cool", "❤️", "same",
            "where is this?", "👏👏", "lmaooo", "facts");

    /** A sell/buy exchange: at least one request for goods and the seller's or a buyer's answer. */
    List<String[]> exchangeComments(String seller, List<String> commenters, List<Integer> drugGroups) {
        List<String> asks = new ArrayList<>(GENERIC_ASKS);
        for (int g : drugGroups) {
            asks.addAll(DRUG_ASKS.get(g));
            asks.addAll(DRUG_ASKS.get(g)); // mostly about what the post sells
        }
        List<String[]> out = new ArrayList<>();
        String buyer = pick(commenters);
        String firstAsk = pick(asks);
        out.add(new String[] {buyer, firstAsk});
        out.add(new String[] {seller, "@" + buyer + " " + pick(SELLER_REPLIES)});
        if (chance(0.7)) {
            out.add(new String[] {pick(commenters), pick(VOUCHES)});
        }
        if (chance(0.4)) {
            String other = pick(commenters);
            String ask = pick(asks);
            out.add(new String[] {other, ask.equals(firstAsk) ? "same, " + ask : ask});
            if (chance(0.6)) {
                out.add(new String[] {seller, "@" + other + " " + pick(SELLER_REPLIES)});
            }
        }
        return out;
    }

    String casualComment() {
        return pick(CASUAL_COMMENTS);
    }

    // ---------------------------------------------------------------- negative captions

    /** The kinds of non-dealer posts a hashtag search brings in. */
    enum NegativeKind {
        PERSONAL_USE, RECOVERY, NEWS, MUSIC, PHARMACY, HELPLINE, OTHER_SELLER, FOLLOWER_SELLER, MEME, PARTY,
        HARM_REDUCTION, ART, HASHTAG_SPAM,
        /** Everyday chatter that carries the searched hashtags for reach. */
        LIFESTYLE,
        /** People asking to buy: drug words and apps, no offer. */
        BUYER,
        /** Licensed pharmacies' ads: delivery, prices and phone numbers, legal products. */
        PHARMACY_AD,
        /** Warnings about scam sellers: handles, apps and drug words. */
        SCAM_WARNING,
        /** A dealer's ad the coders settled as not a dealer post (a repost, a joke, an old ad): label noise. */
        DEALER_LOOKALIKE
    }

    private static final List<NegativeKind> NEGATIVE_WEIGHTS = weights();

    private static List<NegativeKind> weights() {
        List<NegativeKind> w = new ArrayList<>();
        addTimes(w, NegativeKind.PERSONAL_USE, 18);
        addTimes(w, NegativeKind.RECOVERY, 11);
        addTimes(w, NegativeKind.NEWS, 7);
        addTimes(w, NegativeKind.MUSIC, 7);
        addTimes(w, NegativeKind.PHARMACY, 5);
        addTimes(w, NegativeKind.HELPLINE, 3);
        addTimes(w, NegativeKind.OTHER_SELLER, 9);
        addTimes(w, NegativeKind.FOLLOWER_SELLER, 5);
        addTimes(w, NegativeKind.MEME, 11);
        addTimes(w, NegativeKind.PARTY, 10);
        addTimes(w, NegativeKind.HARM_REDUCTION, 5);
        addTimes(w, NegativeKind.ART, 4);
        addTimes(w, NegativeKind.HASHTAG_SPAM, 5);
        addTimes(w, NegativeKind.LIFESTYLE, 14);
        addTimes(w, NegativeKind.BUYER, 8);
        addTimes(w, NegativeKind.PHARMACY_AD, 5);
        addTimes(w, NegativeKind.SCAM_WARNING, 3);
        return List.copyOf(w);
    }

    private static void addTimes(List<NegativeKind> list, NegativeKind kind, int times) {
        for (int i = 0; i < times; i++) {
            list.add(kind);
        }
    }

    NegativeKind negativeKind() {
        return pick(NEGATIVE_WEIGHTS);
    }

    private static final List<String> DRUG_WORDS = List.of("xanax", "xans", "bars", "percs", "roxy", "oxy",
            "oxycodone", "acid", "lsd", "molly", "mdma", "tabs", "oxycontin", "zanax");
    private static final List<String> TOWNS = List.of("Eastbrook", "Millford Heights", "Port Calder", "Ravenwood",
            "Lake Orrin", "Westhaven", "Cedar Bluff", "Northgate", "Bramley County", "Silverdale");
    private static final List<String> SONG_WORDS = List.of("Xanax Dreams", "Percocet Skies", "Molly Moon",
            "Acid Rain Freestyle", "Roxy Road", "Blue Bars", "Lean on Me Tonight", "Oxy Lullaby", "Tabs & Tears",
            "Bars in My Cup");

    /** A non-dealer caption of the given kind, without hashtags. */
    String negativeText(NegativeKind kind, String handle, String mention) {
        String d = pick(DRUG_WORDS);
        String town = pick(TOWNS);
        return switch (kind) {
            case PERSONAL_USE -> pick(
                    "finally sleeping after this 2mg lol " + emoji(),
                    "doc upped my " + d + " dose, anxiety is real 😩",
                    "first time trying " + d + " at the festival 🌈 never again haha",
                    d + " and netflix kinda night",
                    "took a half bar and slept 14 hrs 😴",
                    "my plug said 5 min... it's been 2 hours 🙄",
                    "anyone else get crazy dreams on " + d + "?",
                    "ran out of my " + d + " prescription again, pharmacy closed til monday",
                    "tripped balls at the lake last weekend w @" + mention + " 🍄🌊",
                    "percs got me feeling some type of way");
            case RECOVERY -> pick(
                    between(30, 700) + " days clean today 🙏 one day at a time",
                    "used to be addicted to " + d + ". today I got my 1 year chip 💪",
                    "recovery is possible. if you are struggling with pills, reach out to someone",
                    "lost my brother to fake " + d + " two years ago. please be careful",
                    "sober and grateful 🌅 no more chasing bars",
                    "NA meeting tonight at 7, everyone welcome",
                    "detox day 5. hardest thing i've ever done");
            case NEWS -> pick(
                    "Police seize " + between(2, 40) + ",000 counterfeit " + d + " pills in " + town
                            + ". Full story: https://news.example.com/" + town.toLowerCase(Locale.ROOT).replace(' ', '-'),
                    "BREAKING: " + town + " overdose cluster linked to fake " + d + " pills",
                    "Report: online drug sales moving to social media apps. https://www.example.com/report-" + between(100, 999),
                    "Two arrested in " + town + " after selling " + d + " on social media, police say",
                    "FDA warning on counterfeit pills sold online https://health.example.com/alerts");
            case MUSIC -> pick(
                    "new track '" + pick(SONG_WORDS) + "' out now 🎧 link in bio",
                    "studio session tonight, " + pick(SONG_WORDS) + " remix coming soon 🔊",
                    "cover of " + pick(SONG_WORDS) + " by @" + mention + " 🎸",
                    "playlist update: " + pick(SONG_WORDS) + ", " + pick(SONG_WORDS) + " 🎶",
                    "beat for sale, tagged '" + pick(SONG_WORDS) + "' dm for the untagged version");
            case PHARMACY -> pick(
                    "Pharmacy hours this week: Mon-Sat 9-7. Refills: call " + phone(),
                    "Only take " + d + " as prescribed. Questions? Call our pharmacist at " + phone(),
                    "Drug take-back day this Saturday! Bring unused pills, no questions asked. Info " + phone(),
                    "Pharmacology notes: oxycodone vs oxycontin, immediate vs extended release 📚",
                    "New patients welcome at our clinic. Appointments " + phone());
            case HELPLINE -> pick(
                    "Struggling with addiction? Our helpline is free and open 24/7: " + tollFree(),
                    "You are not alone. Call " + tollFree() + " to talk to someone tonight 💙",
                    "Worried about someone's pill use? Family support line " + tollFree());
            case OTHER_SELLER -> pick(
                    "fresh kicks just dropped 👟 sizes 7-13, " + contactPhrase(pick("kik", "wickr", "telegram"), handle),
                    "custom hoodies 💯 shipping worldwide, " + contactPhrase(pick("kik", "whatsapp"), handle),
                    "lash kits restocked ✨ " + contactPhrase(pick("whatsapp", "phone"), handle),
                    "phone cases all models, bulk prices available, " + contactPhrase(pick("kik", "telegram", "email"), handle),
                    "vintage tees 🔥 legit only no scams, " + contactPhrase(pick("wickr", "kik"), handle),
                    "restock on the jordans, discreet shipping, " + contactPhrase(pick("telegram", "wickr", "whatsapp"), handle));
            case FOLLOWER_SELLER -> pick(
                    "need followers? 1k for $5 real & fast 🚀 " + contactPhrase(pick("kik", "wickr", "telegram"), handle),
                    "grow your page 📈 likes + followers, dm on kik or wickr: " + handleVariant(handle),
                    "verified badge service 💎 " + contactPhrase(pick("telegram", "email"), handle));
            case MEME -> pick(
                    "me after one xanax 😂",
                    "when the plug says 5 min 😂😂",
                    "nobody: \nme at 3am: where my bars at",
                    "tag someone who needs a chill pill 💊😂 @" + mention,
                    "my anxiety when the group chat goes quiet 😅",
                    "percs vs my monday motivation 🤣");
            case PARTY -> pick(
                    "festival weekend 🎉 best vibes ever",
                    "good vibes only ✌️ with @" + mention,
                    "rave fam 💜 see you next year",
                    "lights, bass and friends 🌈",
                    "last night was a movie 🎬🔥");
            case HARM_REDUCTION -> pick(
                    "fentanyl test strips save lives. fake " + d + " pills are everywhere, test everything",
                    "if you use, never use alone. carry naloxone 💙",
                    "pressed pills are not what they say they are. info: https://www.example.com/pill-safety",
                    "harm reduction kits free at our center this week");
            case ART -> pick(
                    "drew this trippy piece 🎨 inspired by the 60s",
                    "new tattoo flash 💊 books open, dm",
                    "photo project about the opioid crisis in " + town,
                    "psychedelic poster series part " + between(2, 9));
            case HASHTAG_SPAM -> pick(
                    "follow for follow 💯 like4like", "f4f l4l always follow back",
                    "daily post " + emoji() + emoji(), "new post check it out");
            case LIFESTYLE -> SampleVocabulary.chatter(random, between(2, 9)) + (chance(0.5) ? " " + emoji() : "")
                    + (chance(0.3) ? " " + pick(HIDDEN_HINTS) : "");
            case BUYER -> pick(
                    "who got " + pick(SLANG.get(random.nextInt(4))) + " near " + town + "? need " + pick(QUANTITIES) + " asap",
                    "looking for a legit plug for " + pick(SLANG.get(random.nextInt(4))) + ", "
                            + contactPhrase(pick("kik", "wickr", "telegram"), handle),
                    "anyone selling " + d + "?? will pay " + pick(PRICES) + " hmu",
                    "need " + pick(SLANG.get(random.nextInt(4))) + " for the weekend, who ships to " + town + "? dm me",
                    "been scammed twice, where do u guys get real " + d + " " + emoji(),
                    "tryna find " + pick(SLANG.get(random.nextInt(4))) + " " + pick(PRICES) + " budget, "
                            + contactPhrase(pick("kik", "telegram", "other"), handle));
            case PHARMACY_AD -> pick(
                    "Refills ready in 15 minutes 💊 free home delivery in " + town + ". Call " + phone(),
                    "Licensed online pharmacy: upload your prescription, discreet packaging, fast shipping 📦 "
                            + "https://pharmacy.example.com",
                    "Flu shots and prescription delivery, best prices in " + town + " ✅ " + phone(),
                    "We ship your prescriptions overnight 🚚 in stock: insulin, inhalers, blood pressure meds. Order: "
                            + phone(),
                    "New: same day delivery of your prescribed meds, no extra fees. Text " + phone());
            case SCAM_WARNING -> pick(
                    "everyone on " + pick("wickr", "kik", "telegram") + " asking for " + d + " is a cop or a scammer lol",
                    "⚠️ @" + mention + " is a scammer, took my cashapp for " + d + " and blocked me on "
                            + pick("wickr", "kik", "telegram"),
                    "PSA: 9 out of 10 'plugs' on here are scams. never pay upfront for " + pick(SLANG.get(random.nextInt(4))),
                    "got sent fake " + d + " from a page on here, reported. dont trust the 'legit' pages",
                    "if someone on " + pick("wickr", "kik", "telegram") + " promises overnight " + d
                            + " it's a scam or a cop lol");
            case DEALER_LOOKALIKE -> dealerCaption(List.of(random.nextInt(4)), List.of(),
                    List.of(pick("kik", "wickr", "telegram", "whatsapp", "phone", "none")), handle, DealerStyle.OPEN);
        };
    }

    private static final List<String> PREFIXES = List.of("ugh", "lol", "honestly", "ok so", "not gonna lie,",
            "throwback:", "real talk:", "update:", "👀", "🙃", "sooo", "fr", "PSA:", "story time:", "today:");
    private static final List<String> SUFFIXES = List.of("😂", "🙏", "💯", "❤️", "smh", "lmao", "#tbt vibes",
            "thoughts?", "anyone else?", "🤷", "✌️", "!!", "...", "😴", "🔥", "link in bio", "more soon",
            "tag a friend", "no cap", "💙💙");
    private static final List<String[]> TYPOS = List.of(new String[] {" you ", " u "}, new String[] {" your ", " ur "},
            new String[] {" tonight", " tonite"}, new String[] {" because ", " bc "}, new String[] {" really ", " rly "},
            new String[] {" the ", " teh "}, new String[] {" and ", " n "}, new String[] {" with ", " w/ "},
            new String[] {"xanax", "xanex"}, new String[] {"oxycodone", "oxycodon"}, new String[] {" what ", " wat "});

    /** Varies a caption the way people write: an opener, a sign-off, a mention, a typo or slang spelling. */
    String decorate(NegativeKind kind, String caption, String mention) {
        String s = caption;
        if ((kind == NegativeKind.OTHER_SELLER || kind == NegativeKind.FOLLOWER_SELLER) && chance(0.6)) {
            s = s + " " + pick(OFFERS); // sellers of anything write the dealers' offers
        }
        if (chance(kind == NegativeKind.OTHER_SELLER || kind == NegativeKind.PHARMACY_AD ? 0.5 : 0.1)) {
            s = s + " " + pick(HIDDEN_HINTS);
        }
        if (chance(0.08)) {
            // people share their messaging handles for all kinds of reasons
            s = s + " " + pick("add me on ", "hmu on ", "my ", "new ") + pick("kik", "wickr", "telegram", "whatsapp", "snap")
                    + pick(" ", " is ", " → ", ": ") + handleVariant(mention);
        }
        for (String[] typo : TYPOS) {
            if (s.contains(typo[0]) && chance(0.25)) {
                s = s.replace(typo[0], typo[1]);
            }
        }
        if (chance(0.3)) {
            s = pick(PREFIXES) + " " + s;
        }
        if (chance(0.45)) {
            String chat = SampleVocabulary.chatter(random, between(1, 8));
            s = chance(0.5) ? chat + " " + s : s + " " + chat;
        }
        if (chance(0.4)) {
            s = s + " " + pick(SUFFIXES);
        }
        if (chance(0.1)) {
            s = s + " @" + mention;
        }
        if (chance(0.05)) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    /** Hashtags a non-dealer post of this kind adds besides the drug ones. */
    List<String> kindTags(NegativeKind kind) {
        return switch (kind) {
            case PERSONAL_USE -> List.of("anxiety", "sleep", "mood", "weekend", "lol", "highlife", "mentalhealth");
            case RECOVERY -> List.of("recovery", "sobriety", "cleanandsober", "onedayatatime", "soberlife", "na");
            case NEWS -> List.of("news", "breaking", "opioidcrisis", "localnews", "police");
            case MUSIC -> List.of("music", "hiphop", "rap", "newmusic", "soundcloud", "producer", "beats");
            case PHARMACY, HELPLINE -> List.of("pharmacy", "health", "pharmacist", "mentalhealth", "help", "support");
            case OTHER_SELLER -> List.of("sneakers", "kicks", "hoodie", "fashion", "streetwear", "shoponline", "sale");
            case FOLLOWER_SELLER -> List.of("followers", "likes", "instagrowth", "f4f", "l4l", "promo");
            case MEME -> List.of("meme", "memes", "funny", "lol", "relatable", "dankmemes");
            case PARTY -> List.of("festival", "rave", "party", "edm", "vibes", "plur");
            case HARM_REDUCTION -> List.of("harmreduction", "naloxone", "narcan", "publichealth", "savelives");
            case ART -> List.of("art", "tattoo", "psychedelicart", "illustration", "poster");
            case HASHTAG_SPAM -> List.of("f4f", "l4l", "instagood", "follow", "like4like", "photooftheday");
            case LIFESTYLE -> List.of("love", "instagood", "photooftheday", "happy", "weekend", "vibes", "life");
            case BUYER -> List.of("help", "lookingfor", "weekend", "needit", "plug", "anxiety");
            case PHARMACY_AD -> List.of("pharmacy", "health", "delivery", "prescription", "localbusiness");
            case SCAM_WARNING -> List.of("scam", "scammer", "warning", "psa", "becareful");
            case DEALER_LOOKALIKE -> List.of("plug", "pills", "meds", "shipping");
        };
    }

    static final List<String> NEGATIVE_EXTRA_TAGS = List.of("recovery", "sobriety", "cleanandsober", "news",
            "music", "hiphop", "rap", "newmusic", "pharmacy", "health", "meme", "memes", "funny", "lol",
            "festival", "rave", "party", "sneakers", "kicks", "hoodie", "fashion", "followers", "instagood",
            "art", "tattoo", "harmreduction", "anxiety", "pills", "love", "f4f", "l4l", "vibes", "xanaxbars",
            "onedayatatime", "naloxone", "nursingschool");

    static List<String> channelsOrNone(Set<String> channels) {
        List<String> sorted = new ArrayList<>(channels);
        sorted.sort(null);
        return sorted.isEmpty() ? List.of("none") : sorted;
    }
}
