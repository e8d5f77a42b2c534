package org.signalbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.signalbench.store.Workbench;

/**
 * A small Twitter workbench with four planted themes (fentanyl news, online selling, pain after
 * surgery, music), made up like the built-in sample, for the topic rounds' tests.
 */
public final class TweetWorkbenches {
    /** The planted themes: class name, then its words. */
    public static final List<List<String>> THEMES = List.of(
            List.of("news", "fentanyl", "overdose", "deaths", "county", "report", "rise", "police", "crisis", "epidemic", "officials"),
            List.of("selling", "buy", "oxycodone", "online", "cheap", "pharmacy", "shipping", "order", "discount", "pills", "deal"),
            List.of("pain", "hydrocodone", "surgery", "knee", "doctor", "recovery", "hospital", "prescribed", "ache", "week", "sleep"),
            List.of("music", "percocet", "song", "lyrics", "album", "beat", "rapper", "track", "verse", "mixtape", "play"));

    private TweetWorkbenches() {
    }

    /** Writes {@code perTheme} tweets of each theme (t0, t1, ... in theme order, interleaved) into a new workbench in {@code dir}. */
    public static Workbench create(Path dir, int perTheme) throws Exception {
        Workbench workbench = TestWorkbenches.open(dir);
        Random random = new Random(7);
        Connection c = workbench.connection();
        int n = 0;
        for (int i = 0; i < perTheme; i++) {
            for (List<String> theme : THEMES) {
                List<String> words = new ArrayList<>();
                int length = 5 + random.nextInt(3);
                for (int w = 0; w < length; w++) {
                    words.add(theme.get(1 + random.nextInt(theme.size() - 1)));
                }
                TestWorkbenches.insertPost(c, "twitter", "t" + n, "user" + (n % 17), String.join(" ", words));
                n++;
            }
        }
        return workbench;
    }

    /** The theme class of tweet {@code t<n>} as written by {@link #create}. */
    public static String classOf(int n) {
        return THEMES.get(n % THEMES.size()).get(0);
    }

    /** Writes an {@code external_id,class} file for every {@code every}-th of {@code tweets} tweets. */
    public static Path classesFile(Path dir, int tweets, int every) throws IOException {
        StringBuilder sb = new StringBuilder("external_id,class\n");
        for (int n = 0; n < tweets; n += every) {
            sb.append('t').append(n).append(',').append(classOf(n)).append('\n');
        }
        return Files.writeString(dir.resolve("classes.csv"), sb.toString());
    }
}
