package org.signalbench.store;

import java.util.ArrayList;
import java.util.List;

/** The reads behind the label exports: every post's identity, in post-id order. */
public final class ExportReads {
    /**
     * A post as the label exports name it.
     *
     * @param images how many media files the post has (the image questions apply only when above 0)
     */
    public record PostKey(long id, String platform, String externalId, String caption, int images) {
    }

    private ExportReads() {
    }

    /** "instagram BlZHhNH_OUC" for each of the given post ids that exists: how people name a post. */
    public static java.util.Map<Long, String> names(Session session, java.util.Collection<Long> ids) {
        return session.call(c -> {
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            try (var st = c.prepareStatement("SELECT platform, external_id FROM post WHERE id = ?")) {
                for (long id : ids) {
                    st.setLong(1, id);
                    try (var rs = st.executeQuery()) {
                        if (rs.next()) {
                            names.put(id, rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
            }
            return names;
        });
    }

    /** Every post of the workbench, in post-id order. */
    public static List<PostKey> posts(Session session) {
        return session.call(c -> {
            List<PostKey> rows = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT p.id, p.platform, p.external_id, p.caption, "
                    + "(SELECT COUNT(*) FROM post_media m WHERE m.post_id = p.id) FROM post p ORDER BY p.id");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PostKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
            }
            return rows;
        });
    }
}
