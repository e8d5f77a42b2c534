package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

/** The expert passphrase: set once, kept only as a salted hash, checked. */
class AccessServiceTest {
    @TempDir
    Path dir;

    @Test
    void setOnceAndChecked() throws Exception {
        AccessService access = new AccessService();
        try (Workbench wb = Workbench.open(dir.resolve("a.sqlite")); Workbench other = Workbench.open(dir.resolve("b.sqlite"))) {
            assertEquals(AccessService.Check.NOT_SET, access.checkExpert(wb, "anything at all".toCharArray()));
            assertThrows(IllegalArgumentException.class, () -> access.setExpertPassphrase(wb, "short".toCharArray()));
            access.setExpertPassphrase(wb, "open sesame!".toCharArray());
            access.setExpertPassphrase(other, "open sesame!".toCharArray());
            assertTrue(access.hasExpertPassphrase(wb));
            assertEquals(AccessService.Check.ACCEPTED, access.checkExpert(wb, "open sesame!".toCharArray()));
            assertEquals(AccessService.Check.REFUSED, access.checkExpert(wb, "open sesame?".toCharArray()));
            assertEquals(AccessService.Check.REFUSED, access.checkExpert(wb, null));
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> access.setExpertPassphrase(wb, "another passphrase".toCharArray()));
            assertTrue(again.getMessage().contains("already"));
            assertEquals(AccessService.Check.ACCEPTED, access.checkExpert(wb, "open sesame!".toCharArray()), "unchanged");
            // Salted: the same passphrase gives another hash in another workbench.
            String[] hashes = new String[2];
            int i = 0;
            for (Workbench w : new Workbench[] {wb, other}) {
                var rs = w.connection().createStatement().executeQuery("SELECT salt, hash FROM role_passphrase");
                hashes[i++] = rs.getString(1) + rs.getString(2);
            }
            assertFalse(hashes[0].equals(hashes[1]));
        }
    }
}
