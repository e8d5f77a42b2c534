package org.signalbench.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalbench.findings.ContactPatterns;
import org.signalbench.store.LinkReviews.TweetRow;

/** Keeping tweets with links or contacts, and collapsing retweets and identical copies. */
class CandidateFunnelTest {
    private static final String PHARMACY = "https://www.rxbargainmeds.test/oxycodone?aff=101";

    private static TweetRow tweet(long id, String author, String at, String text, String retweetOf, String... urls) {
        return new TweetRow(id, "t" + id, author, at, text, retweetOf, "acc-" + author, List.of(urls));
    }

    private final CandidateFunnel funnel = new CandidateFunnel(ContactPatterns.load());

    @Test
    void retweetsAndIdenticalCopiesCollapseIntoTheEarliestTweet() {
        List<TweetRow> retrieved = List.of(
                tweet(5, "copycat", "2017-11-20T10:00:00Z", "Buy Oxycodone online, no prescription! https://t.co/BBBB", null, PHARMACY),
                tweet(1, "rx_deals_1", "2017-11-16T10:00:00Z", "buy oxycodone online  no prescription https://t.co/AAAA", null, PHARMACY),
                tweet(7, "fan", "2017-11-21T10:00:00Z", "RT @rx_deals_1: buy oxycodone online  no prescription https://t.co/AAAA", "t1", PHARMACY),
                // same text, other link: another candidate
                tweet(9, "rx_deals_1", "2017-11-22T10:00:00Z", "buy oxycodone online no prescription https://t.co/CCCC", null,
                        "https://www.pillsnoscript.test/percocet"),
                // a retweet of a tweet that was not retrieved, twice: one candidate
                tweet(11, "a", "2017-11-23T10:00:00Z", "RT @seller: percs for sale https://t.co/DDDD", "t999", "https://x.blogsite.test/"),
                tweet(12, "b", "2017-11-24T10:00:00Z", "RT @seller: percs for sale https://t.co/DDDD", "t999", "https://x.blogsite.test/"),
                // contact details only
                tweet(13, "plug_1", "2017-11-25T10:00:00Z", "hydrocodone for sale, text 213-555-0142", null),
                // neither link nor contact; a quoted tweet is no outside link
                tweet(14, "someone", "2017-11-25T11:00:00Z", "selling percocet cheap, dm me", null),
                tweet(15, "someone", "2017-11-25T12:00:00Z", "look at this", null, "https://twitter.com/x/status/1"));
        CandidateFunnel.Result r = funnel.run(retrieved);
        assertEquals(9, r.retrieved());
        assertEquals(7, r.withLinksOrContacts());
        assertEquals(6, r.withLinks());
        assertEquals(1, r.withContactsOnly());
        assertEquals(4, r.unique());
        assertEquals(2, r.retweets());
        assertEquals(1, r.identicalCopies());
        CandidateFunnel.Candidate first = r.candidates().get(0);
        assertEquals(1, first.postId());
        assertEquals(Map.of(5L, CandidateFunnel.IDENTICAL_COPY, 7L, CandidateFunnel.RETWEET), first.copies());
        assertEquals("rxbargainmeds.test", first.domain());
        CandidateFunnel.Candidate retweeted = r.candidates().stream().filter(c -> c.postId() == 11).findFirst().orElseThrow();
        assertEquals(Map.of(12L, CandidateFunnel.RETWEET), retweeted.copies());
        CandidateFunnel.Candidate contact = r.candidates().stream().filter(c -> c.postId() == 13).findFirst().orElseThrow();
        assertTrue(contact.contacts().contains("phone"), contact.contacts().toString());
        assertEquals(List.of(1L, 9L), r.byAccount().get("rx_deals_1"));
        assertEquals(List.of(1L), r.byDomain().get("rxbargainmeds.test"));
        assertEquals(List.of(13L), r.byDomain().get("(contact details only)"));
    }

    @Test
    void normalisationIgnoresRetweetPrefixLinksCaseAndEllipsis() {
        assertEquals(CandidateFunnel.normalise("Buy OXY now!! https://t.co/x"),
                CandidateFunnel.normalise("RT @someone_1: buy oxy now https://t.co/y…"));
    }
}
