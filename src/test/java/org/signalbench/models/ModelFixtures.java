package org.signalbench.models;

import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small made-up labelled corpus: dealer captions draw most of their words and hashtags from a
 * selling vocabulary, the others from an everyday one, with some overlap and a few mislabelled
 * posts so no model is perfect. Two coders agree on every post except {@link #DISPUTED}, which
 * coders dispute and no expert settles.
 */
public final class ModelFixtures {
    public static final int DISPUTED = 3;
    private static final String[] SELLING = {"connect", "dm", "order", "delivery", "stealth", "shipping", "price", "menu",
        "#xanax", "#percs", "#weedforsale", "#plugsoverdrugs", "#oxy", "discreet", "wickr", "cashapp"};
    private static final String[] EVERYDAY = {"sunset", "beach", "family", "coffee", "gym", "friends", "music", "dinner",
        "#love", "#travel", "#fitness", "#foodie", "#nature", "weekend", "puppy", "birthday"};
    private static final String[] SHARED = {"today", "night", "party", "good", "vibes", "#weekend", "#mood", "happy"};

    private ModelFixtures() {
    }

    /** A workbench at {@code dir/test.sqlite} filled by {@link #fill}; returns its path for {@code --db}. */
    public static String filledDatabase(Path dir, int posts, long seed) throws Exception {
        try (org.signalbench.store.Workbench wb = org.signalbench.testing.TestWorkbenches.open(dir)) {
            fill(wb.connection(), posts, seed);
        }
        return dir.resolve("test.sqlite").toString();
    }

    /** Inserts {@code posts} captioned and labelled posts; returns how many are dealers (final labels). */
    public static int fill(Connection c, int posts, long seed) throws SQLException {
        Random random = new Random(seed);
        long a = coder(c, "coder-a");
        long b = coder(c, "coder-b");
        int dealers = 0;
        for (int i = 0; i < posts; i++) {
            boolean dealer = random.nextDouble() < 0.35;
            List<String> words = new ArrayList<>();
            int n = 3 + random.nextInt(5);
            for (int w = 0; w < n; w++) {
                double r = random.nextDouble();
                String[] pool = r < 0.55 ? (dealer ? SELLING : EVERYDAY) : r < 0.8 ? SHARED : (dealer ? EVERYDAY : SELLING);
                words.add(pool[random.nextInt(pool.length)]);
            }
            if (random.nextDouble() < (dealer ? 0.7 : 0.05)) {
                words.add("plug"); // one strong word, as "plug" is in the study's corpus: a tree finds it at its root
            }
            words.add("post" + i); // every caption distinct, so no variant drops it as a duplicate
            long post = insertPost(c, "instagram", "P" + i, "user" + random.nextInt(40), String.join(" ", words));
            boolean labelled = random.nextDouble() < 0.07 ? !dealer : dealer;
            label(c, a, post, labelled ? "yes" : "no");
            label(c, b, post, i == DISPUTED ? (labelled ? "no" : "yes") : (labelled ? "yes" : "no"));
            if (labelled && i != DISPUTED) {
                dealers++;
            }
        }
        return dealers;
    }

    private static long coder(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO coder (name, role, created_at) VALUES (?, 'coder', '2018-10-01T00:00:00Z') RETURNING id")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void label(Connection c, long coder, long post, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO label (coder_id, post_id, question, value, labeled_at) VALUES (?, ?, 'dealer', ?, '2018-11-01T10:00:00Z')")) {
            st.setLong(1, coder);
            st.setLong(2, post);
            st.setString(3, value);
            st.executeUpdate();
        }
    }
}
