package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void oneThreadUnlessThePropertySaysOtherwise() {
        assertEquals(OptionalInt.of(1), NativeThreads.threads(null, null));
        assertEquals(OptionalInt.of(4), NativeThreads.threads(null, " 4 "));
        assertEquals(OptionalInt.of(1), NativeThreads.threads("", "zero"));
        assertEquals(OptionalInt.of(1), NativeThreads.threads(null, "-2"));
    }

    @Test
    void aUsersOmpNumThreadsWins() {
        assertEquals(OptionalInt.empty(), NativeThreads.threads("3", "4"));
    }
}
