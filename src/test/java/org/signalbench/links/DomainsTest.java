package org.signalbench.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Registrable domains by the public-suffix list. */
class DomainsTest {
    @Test
    void registrableDomainFollowsThePublicSuffixList() {
        assertEquals("example.co.uk", Domains.registrable("https://shop.example.co.uk/pills?x=1"));
        assertEquals("example.com", Domains.registrable("https://WWW.Example.COM./buy"));
        // a private suffix (blogspot.com) makes each blog a site of its own
        assertEquals("alice.blogspot.com", Domains.registrable("http://alice.blogspot.com/2017/11/cheap.html"));
        assertEquals("bob.github.io", Domains.registrable("https://bob.github.io/"));
        assertEquals("example.com.au", Domains.registrable("example.com.au/page"));
    }

    @Test
    void hostsUnderNoListedSuffixKeepTheirLastTwoLabels() {
        assertEquals("shop.internal", Domains.registrable("https://a.b.shop.internal/x"));
        assertEquals("192.0.2.7", Domains.registrable("http://192.0.2.7:8080/shop"));
    }

    @Test
    void eachHostUnderAReservedExampleNameIsASiteOfItsOwn() {
        // The sample's stand-ins: a pharmacy, two affiliates' blogs on one shared blog host, a seller's
        // blog, a classifieds site and a forum under example.com; a researcher counts each as a site.
        assertEquals("rxbargainmeds.test", Domains.registrable("https://www.rxbargainmeds.test/oxycodone?aff=1"));
        assertEquals("pill-guide-12.blogsite.test", Domains.registrable("https://pill-guide-12.blogsite.test/x.html"));
        assertEquals("rx-deals.blogsite.test", Domains.registrable("https://rx-deals.blogsite.test/"));
        assertEquals("oxy-joe.blog.example.com", Domains.registrable("https://oxy-joe.blog.example.com/"));
        assertEquals("classifieds.example.com", Domains.registrable("https://classifieds.example.com/ad/12345"));
        assertEquals("community.example.com", Domains.registrable("https://community.example.com/r/nightbazaar"));
        assertEquals("example.org", Domains.registrable("http://www.example.org/"));
        assertEquals("shop.example", Domains.registrable("http://shop.example/"));
        // a real name that merely contains the reserved ones is not reserved
        assertEquals("notexample.com", Domains.registrable("https://a.notexample.com/"));
    }

    @Test
    void noHostNoDomain() {
        assertNull(Domains.registrable(null));
        assertNull(Domains.registrable(" "));
        assertNull(Domains.registrable("mailto:someone@example.com"));
    }
}
