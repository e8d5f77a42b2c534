package org.signalbench.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signalbench.findings.ContactPatterns;
import org.signalbench.links.CandidateFunnel;
import org.signalbench.store.LinkReviews;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * The link review as a use case (docs/link-review.md): retrieved tweets in, candidates stored,
 * the funnel's figures out. Each call has a connection of its own.
 */
public final class LinkReviewService {
    /** Post ids read from a file of external ids, with the lines that named no tweet of the workbench. */
    public record Retrieval(String source, List<Long> postIds, List<String> problems) {
    }

    /** A stored funnel run and its figures. */
    public record Candidates(long reviewId, String source, CandidateFunnel.Result funnel) {
    }

    private final ContactPatterns contacts;

    public LinkReviewService(ContactPatterns contacts) {
        this.contacts = contacts;
    }

    public LinkReviewService() {
        this(ContactPatterns.load());
    }

    /**
     * The tweets a CSV names in its {@code external_id} column (or its first column when no header
     * says so). With {@code plantedOnly}, only the rows whose {@code seller_type} is set: the selling
     * tweets of the Twitter study sample's {@code truth.csv}, "retrieved as planted".
     */
    public Retrieval readIds(Workbench workbench, Path csv, boolean plantedOnly) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Long> lineOf = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            String idColumn = header.contains("external_id") ? "external_id" : header.isEmpty() ? null : header.get(0);
            if (idColumn == null) {
                throw new IllegalArgumentException(csv + ": empty file, expected a column external_id");
            }
            if (plantedOnly && !header.contains("seller_type")) {
                throw new IllegalArgumentException(csv + ", line 1: --planted needs a seller_type column (the sample's truth.csv)");
            }
            for (CSVRecord r : parser) {
                if (plantedOnly && (!r.isSet("seller_type") || r.get("seller_type").isEmpty())) {
                    continue;
                }
                String id = r.isSet(idColumn) ? r.get(idColumn) : "";
                if (id.isEmpty()) {
                    problems.add(csv + ", line " + (r.getRecordNumber() + 1) + ": no " + idColumn);
                    continue;
                }
                lineOf.putIfAbsent(id, r.getRecordNumber() + 1);
            }
        }
        try (Session s = workbench.openSession()) {
            Map<String, Long> ids = new LinkReviews(s).postIds(lineOf.keySet());
            lineOf.forEach((id, line) -> {
                if (!ids.containsKey(id)) {
                    problems.add(csv + ", line " + line + ": no tweet '" + id + "' in this workbench");
                }
            });
            return new Retrieval("ids:" + csv.getFileName(), List.copyOf(ids.values()), problems);
        }
    }

    /** Runs the funnel over the retrieved tweets and stores its candidates as a new review. */
    public Candidates candidates(Workbench workbench, String source, List<Long> postIds) {
        try (Session s = workbench.openSession()) {
            LinkReviews reviews = new LinkReviews(s);
            Set<Long> unique = new LinkedHashSet<>(postIds);
            CandidateFunnel.Result result = new CandidateFunnel(contacts).run(reviews.tweets(unique));
            List<LinkReviews.CandidateRow> rows = result.candidates().stream().map(c -> new LinkReviews.CandidateRow(
                    c.postId(), c.externalId(), c.url(), c.domain(), c.account(), String.join(",", c.contacts()),
                    c.copies())).toList();
            long id = reviews.saveReview(source, result.retrieved(), rows);
            return new Candidates(id, source, result);
        }
    }
}
