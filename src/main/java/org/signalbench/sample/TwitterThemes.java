package org.signalbench.sample;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The themes of the invented Twitter corpus and how their tweets are worded, after the Twitter
 * study's Tables 2 and 3: fentanyl news, arrests and overdoses (the noise of round one), drug-war
 * politics, cannabis legalisation, opioid policy news, personal pain and use, recovery, jokes and
 * music, and the selling themes (online pharmacies, individual sellers, marketing affiliates, a
 * darknet market). Texts are templates whose {@code {slot}}s are filled from word lists; every tweet
 * of a non-fentanyl theme names one of the study's other keywords and never "fentanyl".
 */
final class TwitterThemes {
    /** A theme: its key (the class in the truth and coder files), how many tweets, whether it is fentanyl news. */
    record Theme(String key, int count, boolean fentanyl, boolean news, List<String> templates) {
    }

    static final String PHARMACY = "selling-online-pharmacy";
    static final String INDIVIDUAL = "selling-individual";
    static final String AFFILIATE = "selling-affiliate";
    static final String DARKNET = "selling-darknet";

    /** The themes that are not selling, with the study-scale counts (selling tweets are planned separately). */
    static final List<Theme> GENERAL = List.of(
            new Theme("fentanyl-crisis-news", 38_000, true, true, List.of(
                    "Fentanyl deaths surge across {nations} as officials learn more about the dangers {link}",
                    "{nation} and China reach deals to curb fentanyl drugs flowing across borders {link}",
                    "Report: fentanyl deaths surge for the {nth} straight year, dangers spreading to new nations {link}",
                    "Learn the dangers of fentanyl: deaths surge as drugs from China flood {nations} {link}",
                    "China fentanyl deals under scrutiny as deaths surge in {nations} {link}",
                    "Fentanyl crisis: {count} deaths this year as experts warn of the dangers of illicit drugs {link}",
                    "What you need to learn about fentanyl, the drug behind the deaths surge {link}",
                    "Fentanyl supply from China: nations sign deals, but deaths surge anyway {link}")),
            new Theme("fentanyl-arrests", 30_000, true, true, List.of(
                    "{city} man faces charges after police fentanyl bust {link}",
                    "Police arrest {city} {person} in fentanyl bust, charges include trafficking {link}",
                    "{city} police bust: man faces fentanyl charges after arrest at traffic stop {link}",
                    "Two arrested in {city} fentanyl bust; police seize {count} pills {link}",
                    "Man faces charges in {city} after police find fentanyl during arrest {link}",
                    "{city} fentanyl bust: police charge {person}, {age}, with possession for the purpose of trafficking {link}",
                    "Police in {city} make arrest, lay fentanyl charges after months-long investigation {link}")),
            new Theme("fentanyl-overdoses", 28_030, true, true, List.of(
                    "Suspected fentanyl overdose leaves {city} teen dead {link}",
                    "{city} family mourns teen after suspected fentanyl overdose death {link}",
                    "Fentanyl overdose: {count} suspected deaths in {city} this week, drugs tested {link}",
                    "Teen's life cut short by suspected fentanyl overdose in {city} {link}",
                    "Suspected overdose deaths linked to fentanyl rise in {city}; drugs were laced {link}",
                    "Dead at {age}: {city} mother speaks about son's fentanyl overdose and the drugs that took his life {link}",
                    "{city} paramedics respond to {count} suspected fentanyl overdose calls in one night {link}")),
            new Theme("drug-war-politics", 20_000, false, false, List.of(
                    "The drug war has {opposition} on the conservative benches, and {opioid} deaths are the props in their political games",
                    "My conservative friends cheer the drug war while the opposition benches use {opioid} victims as political props",
                    "Drug war politics again: conservative benches jeer, opposition stands up, and people on {opioid} end up dead",
                    "Funny how the political class treats {opioid} like a drug war prop until their friends are dead",
                    "The opposition wants to talk {opioid} policy but the conservative benches only know the drug war",
                    "Fifty years of drug war and the conservative answer to {opioid} is more prisons. The opposition benches should say so")),
            new Theme("cannabis-legalisation", 14_000, false, false, List.of(
                    "Cannabis legalization could cut {opioid} prescriptions; respect the varying opinions but the merits are clear",
                    "I respect varying opinions on cannabis legalization, but completely ignoring its merits vs {opioid} is silly",
                    "Completely agree: legal cannabis beats {opioid} for my chronic pain. Opinions vary, merits don't",
                    "Cannabis legalization debate: varying opinions, but states that legalized saw fewer {opioid} scripts",
                    "Respect to the senator who argued the merits of cannabis legalization over {opioid}",
                    "Would rather have legal cannabis than another {opioid} script, opinions completely my own")),
            new Theme("opioid-policy-news", 14_319, false, true, List.of(
                    "{company}, maker of {brand}, sued by {count} counties over opioid marketing {link}",
                    "New prescribing guidelines limit {opioid} to seven days for acute pain {link}",
                    "Attorney general files lawsuit against {company} over {brand} marketing {link}",
                    "Pharmacies to cap {opioid} prescriptions under new state rules {link}",
                    "{company} settlement talks stall as states push for {brand} accountability {link}",
                    "Insurers restrict {opioid} coverage, push doctors toward non-opioid pain care {link}",
                    "Hearing today on {company}'s role in the {brand} epidemic {link}")),
            new Theme("pain-and-use", 30_000, false, false, List.of(
                    "{bodypart} surgery yesterday and the {opioid} is barely touching the pain {emoji}",
                    "doctor finally prescribed {opioid} for my {bodypart}, first real sleep in weeks",
                    "took a {opioid} for my {bodypart} and now I can't feel my face lol",
                    "wisdom teeth out, {opioid} in, netflix on {emoji}",
                    "my {bodypart} hurts so bad and the pharmacy won't fill my {opioid} until monday",
                    "{opioid} makes me itchy and sleepy, but my {bodypart} pain is gone",
                    "three days on {opioid} after my {bodypart} surgery and i'm so constipated",
                    "I hate how doctors look at you like an addict when you ask for {opioid} for real {bodypart} pain")),
            new Theme("jokes-and-music", 28_000, false, false, List.of(
                    "\"{opioid} in my cup, {opioid} in my soul\" this new {artist} track goes hard {emoji}",
                    "me after one {opioid}: {emoji}{emoji}",
                    "{artist} really made a whole album about {opioid} and i'm not mad",
                    "my mood today: {opioid} and lo-fi beats lol",
                    "when the {opioid} hits during the song's drop {emoji}",
                    "this {artist} song got me singing about {opioid} in the car lmao",
                    "Nobody: Absolutely nobody: Rappers: {opioid} {opioid} {opioid}",
                    "new playlist: sad songs, {opioid} jokes and {artist} vibes {emoji}")),
            new Theme("recovery-and-treatment", 10_000, false, false, List.of(
                    "{count} days clean from {opioid} today. Recovery is possible {emoji}",
                    "Proud of my brother, {count} days sober after years on {opioid}",
                    "Treatment works: got off {opioid} with support from my clinic and my family",
                    "If you're struggling with {opioid}, rehab saved my life, please reach out to a treatment center",
                    "One year in recovery from {opioid} addiction. Grateful for every day",
                    "Support groups helped me more than anything after {opioid}. Recovery is a daily thing")));

    /** The selling themes' wordings; {@code {link}} is the tweet's link, {@code {contact}} a seller's contact. */
    static final Map<String, List<String>> SELLING = Map.of(
            PHARMACY, List.of(
                    "Buy {opioid} online, cheap price, free shipping, no prescription needed {link}",
                    "Cheap generic {opioid} pills online, find the best price, free overnight shipping {link}",
                    "Black Friday sale: buy {opioid} online 30% off, free shipping on every order {link}",
                    "Order {opioid} online without prescription, generic pills, cheap and discreet shipping {link}",
                    "{opioid} 10mg buy online cheap, find generic {opioid2} too, free shipping worldwide {link}"),
            INDIVIDUAL, List.of(
                    "{opioid} for sale, {opioid2} and more, text or WhatsApp {contact} #buypainmeds #drugsforsale {link}",
                    "Selling {opioid} pills, cheap price, contact {contact} for my list #painmeds #buy {link}",
                    "Got {opioid} and {opioid2} in stock, email or call {contact}, discreet shipping {link}",
                    "#sell #opioids {opioid} available now, WhatsApp {contact} {link}"),
            AFFILIATE, List.of(
                    "Where to buy {opioid} online without prescription: our guide to cheap generic pills {link}",
                    "Find cheap {opioid} online, compare the best online pharmacy prices and free shipping offers {link}",
                    "How to order {opioid} online safely, reviews of pharmacies with free shipping {link}",
                    "Best places to buy generic {opioid} online, cheap pill prices updated daily {link}"),
            DARKNET, List.of(
                    "NightBazaar market is back online, {opioid} and more, find us on the community page {link}"));

    /** Selling-theme chatter without a link or a contact (retrieved with the theme, never a lead). */
    static final Map<String, List<String>> SELLING_WITHOUT_LINK = Map.of(
            PHARMACY, List.of(
                    "buy {opioid} online cheap free shipping generic pills",
                    "cheap {opioid} online no prescription, free shipping, find generic",
                    "order {opioid} online cheap, generic pills, shipping free today"),
            INDIVIDUAL, List.of(
                    "got {opioid} for sale cheap, dm me",
                    "selling {opioid} pills cheap, hmu"),
            AFFILIATE, List.of(
                    "guide: where to find cheap {opioid} online with free shipping",
                    "best online prices for generic {opioid} pills this week"));

    private static final Map<String, List<String>> SLOTS = Map.ofEntries(
            Map.entry("opioid", List.of("codeine", "hydrocodone", "oxycodone", "Oxycontin", "Percocet", "Vicodin",
                    "percocet", "oxycodone", "codeine", "vicodin", "OxyContin", "hydrocodone")),
            Map.entry("brand", List.of("Oxycontin", "Vicodin", "Percocet")),
            Map.entry("city", List.of("Brockton", "Calgary", "Vancouver", "Eastbrook", "Port Calder", "Westhaven",
                    "Millbridge", "Northvale", "Lakeford", "Ashford Falls", "Granton", "Riverside Heights", "Kettle Bay",
                    "Stonehurst", "Dunmore", "Fairhaven", "Old Mill", "Pinecrest")),
            Map.entry("nation", List.of("Canada", "the US", "Mexico", "the UK", "Australia", "Europe")),
            Map.entry("nations", List.of("nations", "several nations", "North American nations", "many nations")),
            Map.entry("nth", List.of("second", "third", "fourth", "fifth")),
            Map.entry("person", List.of("man", "woman", "teen", "couple", "man", "man")),
            Map.entry("opposition", List.of("the opposition", "opposition MPs", "the opposition benches")),
            Map.entry("company", List.of("Pardell Pharma", "Corvane Labs", "Halvex Pharmaceuticals", "Brightwell Health")),
            Map.entry("bodypart", List.of("back", "knee", "tooth", "shoulder", "hip", "neck", "ankle", "wrist")),
            Map.entry("artist", List.of("Lil Quartz", "DJ Marrow", "Yung Pallet", "MC Driftwood", "Kid Sonnet", "the Velvet Hours")),
            Map.entry("emoji", List.of("😴", "😂", "💊", "🙃", "😩", "🔥", "🙏", "💀")));
    private static final Pattern SLOT = Pattern.compile("\\{([a-z0-9]+)}");

    private TwitterThemes() {
    }

    /**
     * Fills a template's slots; {@code link} and {@code contact} are given, {@code opioid2} differs
     * from {@code opioid}, {@code count} and {@code age} are numbers.
     */
    static String fill(String template, Random random, String link, String contact) {
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 40);
        String opioid = null;
        while (m.find()) {
            String slot = m.group(1);
            String value = switch (slot) {
                case "link" -> link == null ? "" : link;
                case "contact" -> contact;
                case "count" -> Integer.toString(2 + random.nextInt(98));
                case "age" -> Integer.toString(16 + random.nextInt(45));
                case "opioid2" -> {
                    String other;
                    do {
                        other = pick(SLOTS.get("opioid"), random);
                    } while (other.equalsIgnoreCase(opioid));
                    yield other;
                }
                default -> {
                    List<String> values = SLOTS.get(slot);
                    if (values == null) {
                        throw new IllegalStateException("unknown slot {" + slot + "} in " + template);
                    }
                    String v = pick(values, random);
                    if (slot.equals("opioid") && opioid == null) {
                        opioid = v;
                    }
                    yield v;
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().strip();
    }

    static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
