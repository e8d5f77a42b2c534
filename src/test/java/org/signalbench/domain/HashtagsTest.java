package org.signalbench.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashtagsTest {
    @Test
    void hashtagsAreLowerCasedDistinctAndKeepTheirMarks() {
        assertEquals(List.of("#xanax", "#2mgxanax", "#lsd_25", "#नशा"),
                List.copyOf(Hashtags.of("#Xanax bars #2mgXANAX # alone, #XANAX again #lsd_25! #नशा")));
        assertEquals(List.of("#def"), List.copyOf(Hashtags.of("abc#def")));
        assertEquals(List.of(), List.copyOf(Hashtags.of("no tags, 100% legit")));
    }
}
