package org.signalbench.store;

import java.time.Instant;
import java.util.Optional;

/** The stored hash of a role's passphrase (the expert's): read it, and set it once. */
public final class RolePassphrases {
    /** A stored passphrase hash: how it was derived, and the salt and hash in base64. */
    public record Stored(String algorithm, int iterations, String salt, String hash) {
    }

    private RolePassphrases() {
    }

    /** The role's stored hash, if a passphrase was set. */
    public static Optional<Stored> of(Session session, String role) {
        return session.call(c -> {
            try (var st = c.prepareStatement("SELECT algorithm, iterations, salt, hash FROM role_passphrase WHERE role = ?")) {
                st.setString(1, role);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                            : Optional.<Stored>empty();
                }
            }
        });
    }

    /** Stores the role's hash unless one is stored already; returns whether it was stored. */
    public static boolean setOnce(Session session, String role, Stored stored) {
        return session.call(c -> {
            try (var st = c.prepareStatement("INSERT OR IGNORE INTO role_passphrase (role, algorithm, iterations, salt, hash, set_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, role);
                st.setString(2, stored.algorithm());
                st.setInt(3, stored.iterations());
                st.setString(4, stored.salt());
                st.setString(5, stored.hash());
                st.setString(6, Instant.now().toString());
                return st.executeUpdate() == 1;
            }
        });
    }
}
