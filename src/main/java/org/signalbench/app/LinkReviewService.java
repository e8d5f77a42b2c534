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
import org.signalbench.agreement.AgreementReport;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.exporting.SafeCsvPrinter;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.findings.ContactPatterns;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
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

    /** The link review's editable codebook. */
    public static final String CODEBOOK = "codebook/link-review.json";

    /** What one coder file brought: new answers, answers already stored, and the refused lines. */
    public record CodingImport(int added, int unchanged, List<String> problems) {
    }

    /** Agreement of two coders on one question of the link-review codebook. */
    public record QuestionAgreement(String question, Coder first, Coder second, PairAgreement agreement) {
    }

    private final ContactPatterns contacts;
    private final Codebook codebook;

    public LinkReviewService(ContactPatterns contacts, Codebook codebook) {
        this.contacts = contacts;
        this.codebook = codebook;
    }

    public LinkReviewService() {
        this(ContactPatterns.load(), Codebook.load(CODEBOOK));
    }

    public Codebook codebook() {
        return codebook;
    }

    /** The tweets a topic round retrieved (first or second theme a signal theme), as the funnel's input. */
    public static Retrieval fromTopics(TopicsService.Retrieval retrieved) {
        return new Retrieval("topic round " + retrieved.runId() + " retrieval",
                retrieved.tweets().stream().map(RetrievedTweet::postId).toList(), List.of());
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

    // ---- coding -----------------------------------------------------------------------------------

    /** The latest review's candidates; fails with a clear message when there is none. */
    public List<LinkReviews.CandidateRow> latestCandidates(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            LinkReviews reviews = new LinkReviews(s);
            long id = reviews.latestReview().orElseThrow(() -> new IllegalStateException(
                    "no link review in this workbench yet: run `twitter candidates` first")).id();
            return reviews.candidates(id);
        }
    }

    /**
     * A coder's (or, with {@link Role#EXPERT}, the expert's) answers from a CSV: {@code external_id}
     * and one column per codebook question (blank: not answered), {@code reason} for the expert. A
     * bad cell refuses its line with the reason; the other lines are taken, all in one transaction.
     * An answer equal to the person's latest one adds nothing, so a file imported twice changes nothing.
     */
    public CodingImport importAnswers(Workbench workbench, Path csv, String person, Role role) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Session s = workbench.openSession()) {
            var result = org.signalbench.importing.LabelCsvImport.importFile(s, codebook, csv, person, role,
                    org.signalbench.importing.LabelCsvImport.questionColumns(codebook, org.signalbench.domain.Platform.TWITTER),
                    r -> problems.add(r.file() + (r.line() == null ? "" : ", line " + r.line()) + ": " + r.reason()));
            return new CodingImport(result.added(), result.unchanged(), problems);
        }
    }

    /**
     * Writes a person's latest answers for the latest review's candidates as a CSV (blank cells for
     * unanswered questions, so a new coder's file is the blank form), with the tweet's text and link.
     */
    public Path exportAnswers(Workbench workbench, String person, Path out) throws IOException {
        List<LinkReviews.CandidateRow> candidates = latestCandidates(workbench);
        try (Session s = workbench.openSession()) {
            Map<String, Map<Long, String>> byQuestion = new LinkedHashMap<>();
            Long coderId = org.signalbench.store.LabelReads.coders(s).stream().filter(k -> k.name().equals(person))
                    .map(Coder::id).findFirst().orElse(null);
            for (Codebook.Question q : codebook.questions()) {
                Map<Long, String> answers = new java.util.HashMap<>();
                if (coderId != null) {
                    org.signalbench.labels.LatestAnswers.of(s, q.key()).forEach((postId, byCoder) -> {
                        var a = byCoder.get(coderId);
                        if (a != null) {
                            answers.put(postId, a.value());
                        }
                    });
                }
                byQuestion.put(q.key(), answers);
            }
            List<String> header = new ArrayList<>(List.of("external_id", "account", "url", "copies"));
            header.addAll(byQuestion.keySet());
            return SafeOutputFile.write(out, s, stream -> {
                var w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
                try (SafeCsvPrinter csv = new SafeCsvPrinter(w, false, header.toArray(String[]::new))) {
                    for (LinkReviews.CandidateRow c : candidates) {
                        List<Object> row = new ArrayList<>(List.of(c.externalId(), c.account() == null ? "" : c.account(),
                                c.url() == null ? "" : c.url(), c.copies().size()));
                        byQuestion.values().forEach(m -> row.add(m.getOrDefault(c.postId(), "")));
                        csv.printRecord(row);
                    }
                }
            });
        }
    }

    /** Cohen's kappa and the other coefficients per question for the two coders with the most candidates in common. */
    public List<QuestionAgreement> agreement(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            AgreementReport report = new AgreementReport(s, codebook);
            List<QuestionAgreement> rows = new ArrayList<>();
            for (Codebook.Question q : codebook.questions()) {
                report.busiestPair(q.key()).ifPresent(pair -> {
                    PairAgreement a = report.pair(pair.get(0), pair.get(1), q.key());
                    if (a.items() > 0) { // a question nobody answered has no agreement to show
                        rows.add(new QuestionAgreement(q.key(), pair.get(0), pair.get(1), a));
                    }
                });
            }
            return rows;
        }
    }

    /** The final answer per candidate post and question: the expert's decision, else the coders' agreed answer. */
    public Map<String, Map<Long, String>> finalAnswers(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            Map<String, Map<Long, String>> answers = new LinkedHashMap<>();
            for (Codebook.Question q : codebook.questions()) {
                Map<Long, String> m = new LinkedHashMap<>();
                FinalLabels.of(s, q.key()).forEach((postId, label) -> {
                    if (label.status() != FinalLabel.Status.DISPUTED) {
                        m.put(postId, label.value());
                    }
                });
                answers.put(q.key(), m);
            }
            return answers;
        }
    }

    // ---- evidence ---------------------------------------------------------------------------------

    /** What an evidence file brought: records added or updated, and the refused lines. */
    public record EvidenceImport(int records, List<String> problems) {
    }

    private static final Set<String> LEGITSCRIPT = Set.copyOf(legitScriptClasses());
    private static final Set<String> LIVENESS = Set.of("live", "dead", "redirected-elsewhere");

    /**
     * Evidence records from a CSV with a {@code url} column and any of the record's columns
     * ({@code final_url, http_status, liveness, checked_at, title, domain, registrar,
     * registrant_country, domain_created, ip_address, ip_country, legitscript, notes, raw_url}):
     * a LegitScript export with just {@code url,legitscript} is fine. Non-empty cells replace what
     * the record held; empty ones keep it. A bad line is refused with its reason.
     */
    public EvidenceImport importEvidence(Workbench workbench, Path csv) throws IOException {
        List<String> problems = new ArrayList<>();
        List<LinkReviews.EvidenceRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format);
             Session s = workbench.openSession()) {
            if (!parser.getHeaderNames().contains("url")) {
                throw new IllegalArgumentException(csv + ", line 1: the header must name the column url");
            }
            LinkReviews reviews = new LinkReviews(s);
            Map<String, LinkReviews.EvidenceRow> known = reviews.evidence();
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                try {
                    String url = cell(r, "url");
                    if (url == null) {
                        throw new IllegalArgumentException("url is empty");
                    }
                    LinkReviews.EvidenceRow old = known.get(url);
                    String liveness = cell(r, "liveness");
                    if (liveness != null && !LIVENESS.contains(liveness)) {
                        throw new IllegalArgumentException("liveness '" + liveness + "' is not one of " + LIVENESS);
                    }
                    String legit = cell(r, "legitscript");
                    if (legit != null) {
                        legit = legit.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                        if (!LEGITSCRIPT.contains(legit)) {
                            throw new IllegalArgumentException("legitscript '" + cell(r, "legitscript") + "' is not one of " + LEGITSCRIPT);
                        }
                    }
                    Integer status = null;
                    if (cell(r, "http_status") != null) {
                        try {
                            status = Integer.valueOf(cell(r, "http_status"));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("http_status '" + cell(r, "http_status") + "' is no number");
                        }
                    }
                    String domain = or(cell(r, "domain"), old == null ? null : old.domain());
                    String shotPath = old == null ? null : old.screenshotPath();
                    String shotSha = old == null ? null : old.screenshotSha256();
                    if (cell(r, "screenshot") != null) {
                        Path given = csv.toAbsolutePath().getParent().resolve(cell(r, "screenshot"));
                        if (!Files.isRegularFile(given)) {
                            throw new IllegalArgumentException("no screenshot file " + given);
                        }
                        byte[] bytes = Files.readAllBytes(given);
                        shotSha = org.signalbench.links.LinkChecker.sha256(bytes);
                        String recorded = cell(r, "screenshot_sha256");
                        if (recorded != null && !recorded.equalsIgnoreCase(shotSha)) {
                            throw new IllegalArgumentException("the screenshot " + given.getFileName()
                                    + " has changed since it was recorded (SHA-256 " + shotSha + ", recorded " + recorded + ")");
                        }
                        String name = given.getFileName().toString();
                        shotPath = storeEvidence(workbench, bytes, name.contains(".") ? name.substring(name.lastIndexOf('.')) : "");
                    }
                    rows.add(new LinkReviews.EvidenceRow(url, or(cell(r, "raw_url"), old == null ? null : old.rawUrl()),
                            or(cell(r, "final_url"), old == null ? null : old.finalUrl()), old == null ? null : old.redirectChain(),
                            status != null ? status : old == null ? null : old.httpStatus(),
                            or(liveness, old == null ? null : old.liveness()), or(cell(r, "checked_at"), old == null ? null : old.checkedAt()),
                            or(cell(r, "title"), old == null ? null : old.title()), shotPath,
                            shotSha, old == null ? null : old.snapshotPath(),
                            old == null ? null : old.snapshotSha256(), domain != null ? domain : org.signalbench.links.Domains.registrable(url),
                            or(cell(r, "registrar"), old == null ? null : old.registrar()),
                            or(cell(r, "registrant_country"), old == null ? null : old.registrantCountry()),
                            or(cell(r, "domain_created"), old == null ? null : old.domainCreated()),
                            or(cell(r, "ip_address"), old == null ? null : old.ipAddress()),
                            or(cell(r, "ip_country"), old == null ? null : old.ipCountry()),
                            or(legit, old == null ? null : old.legitScript()), or(cell(r, "notes"), old == null ? null : old.notes()),
                            "import:" + csv.getFileName()));
                } catch (IllegalArgumentException e) {
                    problems.add(csv + ", line " + line + ": " + e.getMessage());
                }
            }
            reviews.saveEvidence(rows);
        }
        return new EvidenceImport(rows.size(), problems);
    }

    /**
     * Copies an evidence file into the workbench's {@code evidence/}, named by its SHA-256 (so the
     * same bytes are stored once and a changed file is a new one); returns its path relative to the
     * workbench's data folder.
     */
    static String storeEvidence(Workbench workbench, byte[] bytes, String extension) {
        Path folder = evidenceFolder(workbench);
        try {
            Path target = org.signalbench.links.EvidenceFiles.store(folder, bytes, extension).file();
            return dataFolder(workbench).relativize(target).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot store an evidence file in " + folder, e);
        }
    }

    private static Path dataFolder(Workbench workbench) {
        return org.signalbench.store.DataLocations.workbenchDataFolder(workbench.file());
    }

    /**
     * The file an evidence record names: relative to the workbench's data folder; a record made
     * before evidence moved there names a file under the user's data folder, read where it is.
     */
    public static Path evidenceFile(Workbench workbench, String stored) {
        Path here = dataFolder(workbench).resolve(stored);
        Path former = org.signalbench.store.DataLocations.dataDirectory().resolve(stored);
        return !Files.exists(here) && Files.exists(former) ? former : here;
    }

    private static String cell(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) && !r.get(column).isBlank() ? r.get(column).trim() : null;
    }

    private static String or(String given, String old) {
        return given != null ? given : old;
    }

    /** The LegitScript classes a record may hold (LegitScript's service is paid: entered by hand or imported). */
    public static List<String> legitScriptClasses() {
        return List.of("rogue", "unapproved", "unverified", "legitimate", "not-listed", "not-checked");
    }

    /**
     * Sets, by hand, a site's LegitScript class and notes on the evidence record of every link of
     * the latest review that points to it (a record is made for a link that has none); the other
     * fields are kept. Returns the number of records written.
     */
    public int classifySite(Workbench workbench, String domain, String legitScript, String notes) {
        if (legitScript != null && !LEGITSCRIPT.contains(legitScript)) {
            throw new IllegalArgumentException("legitscript '" + legitScript + "' is not one of " + legitScriptClasses());
        }
        List<String> urls = latestCandidates(workbench).stream().filter(c -> domain.equals(c.domain()))
                .map(LinkReviews.CandidateRow::url).filter(java.util.Objects::nonNull).distinct().toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no candidate of the latest review links to '" + domain + "'");
        }
        String note = notes == null || notes.isBlank() ? null : notes.strip();
        Map<String, LinkReviews.EvidenceRow> evidence = evidence(workbench);
        List<LinkReviews.EvidenceRow> rows = new ArrayList<>();
        for (String url : urls) {
            LinkReviews.EvidenceRow o = evidence.get(url);
            rows.add(o == null
                    ? new LinkReviews.EvidenceRow(url, null, null, null, null, null, null, null, null, null, null, null,
                            domain, null, null, null, null, null, legitScript, note, "hand")
                    : new LinkReviews.EvidenceRow(url, o.rawUrl(), o.finalUrl(), o.redirectChain(), o.httpStatus(), o.liveness(),
                            o.checkedAt(), o.title(), o.screenshotPath(), o.screenshotSha256(), o.snapshotPath(),
                            o.snapshotSha256(), o.domain(), o.registrar(), o.registrantCountry(), o.domainCreated(),
                            o.ipAddress(), o.ipCountry(), legitScript, note, o.source()));
        }
        saveEvidence(workbench, rows);
        return rows.size();
    }

    /** Stores evidence records as they are (a link check, a hand entry). */
    public void saveEvidence(Workbench workbench, List<LinkReviews.EvidenceRow> rows) {
        try (Session s = workbench.openSession()) {
            new LinkReviews(s).saveEvidence(rows);
        }
    }

    /** Every evidence record by URL. */
    public Map<String, LinkReviews.EvidenceRow> evidence(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return new LinkReviews(s).evidence();
        }
    }

    /** What a link check did: links visited, their liveness, screenshots stored, and notes on what went wrong. */
    public record CheckReport(int links, int live, int dead, int redirectedElsewhere, int screenshots, List<String> problems) {
    }

    /** A screenshot engine and how it is to load pages (viewport, time-out, JavaScript). */
    public record Screenshots(org.signalbench.links.PageScreenshots engine, org.signalbench.links.PageScreenshots.Options options) {
    }

    /**
     * Where a workbench's evidence files (page snapshots, screenshots) live, named by their SHA-256:
     * {@code <workbench>-data/evidence/}, beside the workbench (with its media and final models), so
     * the evidence travels with the study.
     */
    public static Path evidenceFolder(Workbench workbench) {
        return dataFolder(workbench).resolve("evidence");
    }

    /**
     * The check with the default checker (time-outs, size cap, snapshots in {@link #evidenceFolder(Workbench)})
     * and, when {@code rdap}, the default RDAP service; see the full form below.
     */
    public CheckReport checkLinks(Workbench workbench, boolean rdap, Screenshots screenshots, org.signalbench.jobs.JobContext job) {
        var options = org.signalbench.links.LinkChecker.Options.defaults();
        return checkLinks(workbench, new org.signalbench.links.LinkChecker(options, evidenceFolder(workbench), java.time.Clock.systemUTC()),
                rdap ? new org.signalbench.links.Rdap(org.signalbench.links.Rdap.DEFAULT_BASE, options.requestTimeout()) : null,
                screenshots, job);
    }

    /** {@link #checkLinks(Workbench, org.signalbench.links.LinkChecker, org.signalbench.links.Rdap, Screenshots, org.signalbench.jobs.JobContext)} without screenshots. */
    public CheckReport checkLinks(Workbench workbench, org.signalbench.links.LinkChecker checker,
                                  org.signalbench.links.Rdap rdap, org.signalbench.jobs.JobContext job) {
        return checkLinks(workbench, checker, rdap, null, job);
    }

    /**
     * Visits every link of the latest review (THIS CONTACTS THE SITES, and RDAP when {@code rdap} is
     * given) and stores what it found as evidence: status, chain, title, snapshot, the final host's IP
     * address; with {@code rdap} the domain's registration data and the IP address's country; with
     * {@code screenshots} a PNG of each page that answered (live or redirected elsewhere), stored
     * under its SHA-256 in the workbench's {@code evidence/}. What was entered by hand or imported
     * (LegitScript class, notes, and registration data, IP country or screenshot when this check gets
     * none) is kept. Runs as a job: progress per link, cancel between links (what was checked so far is kept).
     */
    public CheckReport checkLinks(Workbench workbench, org.signalbench.links.LinkChecker checker,
                                  org.signalbench.links.Rdap rdap, Screenshots screenshots, org.signalbench.jobs.JobContext job) {
        List<String> urls = latestCandidates(workbench).stream().map(LinkReviews.CandidateRow::url)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, LinkReviews.EvidenceRow> known = evidence(workbench);
        Map<String, org.signalbench.links.Rdap.Registration> registrations = new java.util.HashMap<>();
        Map<String, org.signalbench.links.Rdap.Network> networks = new java.util.HashMap<>();
        int live = 0;
        int dead = 0;
        int elsewhere = 0;
        int shots = 0;
        List<String> problems = new ArrayList<>();
        Path folder = dataFolder(workbench);
        for (int i = 0; i < urls.size(); i++) {
            if (job.isCancelled()) {
                throw new org.signalbench.jobs.CancelledException();
            }
            String url = urls.get(i);
            job.progress(i, urls.size(), "checking " + url);
            var r = checker.check(url);
            switch (r.liveness()) {
                case "live" -> live++;
                case "dead" -> dead++;
                default -> elsewhere++;
            }
            if (r.problem() != null) {
                problems.add(url + ": " + r.problem());
            }
            String domain = org.signalbench.links.Domains.registrable(url);
            var reg = rdap == null || domain == null ? null : registrations.computeIfAbsent(domain, rdap::lookup);
            var net = rdap == null || r.ipAddress() == null ? null : networks.computeIfAbsent(r.ipAddress(), rdap::lookupIp);
            if (net != null && net.problem() != null) {
                problems.add(url + ": IP " + r.ipAddress() + ": " + net.problem());
            }
            LinkReviews.EvidenceRow old = known.get(url);
            String shotPath = old == null ? null : old.screenshotPath();
            String shotSha = old == null ? null : old.screenshotSha256();
            if (screenshots != null && !"dead".equals(r.liveness())) {
                job.progress(i, urls.size(), "screenshot of " + r.finalUrl());
                var shot = screenshots.engine().take(r.finalUrl(), screenshots.options());
                if (shot.png() != null) {
                    var stored = storeEvidence(workbench, shot.png(), ".png");
                    shotPath = stored;
                    shotSha = org.signalbench.links.LinkChecker.sha256(shot.png());
                    shots++;
                }
                if (shot.problem() != null) {
                    problems.add(url + ": screenshot: " + shot.problem());
                }
            }
            String chain;
            try {
                chain = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r.chain());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            String snapshot = r.snapshot() == null ? null
                    : (r.snapshot().startsWith(folder) ? folder.relativize(r.snapshot()) : r.snapshot()).toString();
            String notes = r.problem() == null ? (old == null ? null : old.notes())
                    : (old == null || old.notes() == null ? "" : old.notes() + "; ") + "check: " + r.problem();
            saveEvidence(workbench, List.of(new LinkReviews.EvidenceRow(url, old == null ? null : old.rawUrl(), r.finalUrl(), chain,
                    r.status(), r.liveness(), r.checkedAt(), r.title(), shotPath, shotSha, snapshot, r.snapshotSha256(), domain,
                    reg != null && reg.registrar() != null ? reg.registrar() : old == null ? null : old.registrar(),
                    reg != null && reg.registrantCountry() != null ? reg.registrantCountry() : old == null ? null : old.registrantCountry(),
                    reg != null && reg.created() != null ? reg.created() : old == null ? null : old.domainCreated(),
                    r.ipAddress() != null ? r.ipAddress() : old == null ? null : old.ipAddress(),
                    net != null && net.country() != null ? net.country() : old == null ? null : old.ipCountry(),
                    old == null ? null : old.legitScript(), notes, "check")));
        }
        job.progress(urls.size(), urls.size(), "links checked");
        return new CheckReport(urls.size(), live, dead, elsewhere, shots, problems);
    }

    // ---- results ----------------------------------------------------------------------------------

    /** The study's figures for the latest review, from the final coded answers and the evidence. */
    public org.signalbench.links.LinkReviewResults.Figures results(Workbench workbench) {
        Map<String, Map<Long, String>> answers = finalAnswers(workbench);
        try (Session s = workbench.openSession()) {
            LinkReviews reviews = new LinkReviews(s);
            LinkReviews.ReviewRow review = reviews.latestReview().orElseThrow(() -> new IllegalStateException(
                    "no link review in this workbench yet: run `twitter candidates` first"));
            List<LinkReviews.CandidateRow> candidates = reviews.candidates(review.id());
            Map<String, LinkReviews.EvidenceRow> evidence = reviews.evidence();
            List<LinkReviews.CandidateRow> live = org.signalbench.links.LinkReviewResults.live(candidates, answers, evidence);
            Set<String> handles = new LinkedHashSet<>();
            live.forEach(c -> handles.add(c.account()));
            List<String> types = codebook.question(org.signalbench.links.LinkReviewResults.SELLER_TYPE)
                    .map(q -> q.values().stream().map(Codebook.Value::key).toList()).orElse(List.of());
            return org.signalbench.links.LinkReviewResults.of(reviews.twitterPosts(), review.retrieved(), candidates, answers,
                    evidence, types, reviews.accounts(handles));
        }
    }

    /** The results beside the study's: the figures, the study they are compared with, and the rows people read. */
    public record Comparison(org.signalbench.links.LinkReviewResults.Figures figures, org.signalbench.links.StudyFigures study,
                             List<org.signalbench.links.ResultsTable.Row> rows) {
    }

    /** The questions whose agreement the results show: what the study's two coders coded (false positives, the links). */
    private static final List<String> KAPPA_QUESTIONS = List.of(org.signalbench.links.LinkReviewResults.FALSE_POSITIVE,
            org.signalbench.links.LinkReviewResults.SELLER_TYPE, org.signalbench.links.LinkReviewResults.LINK_STATUS);

    /** {@link #results} beside the study's figures ({@code resources/published/twitter-link-review.json}), with the coders' kappa. */
    public Comparison compareWithStudy(Workbench workbench) {
        var figures = results(workbench);
        Map<String, Double> kappas = new LinkedHashMap<>();
        for (QuestionAgreement q : agreement(workbench)) {
            if (KAPPA_QUESTIONS.contains(q.question()) && Double.isFinite(q.agreement().cohenKappa())) {
                kappas.put(q.question(), q.agreement().cohenKappa());
            }
        }
        var study = org.signalbench.links.StudyFigures.load();
        return new Comparison(figures, study, org.signalbench.links.ResultsTable.rows(figures, study, kappas));
    }

    // ---- report packets ---------------------------------------------------------------------------

    /** The files a packet wrote, with their SHA-256. */
    public record Packet(Map<Path, String> files, List<String> domains) {
    }

    /** The registrable domains of the live candidates coded as online pharmacies: the sites to report by default. */
    public List<String> livePharmacySites(Workbench workbench) {
        Map<String, Map<Long, String>> answers = finalAnswers(workbench);
        List<LinkReviews.CandidateRow> candidates = latestCandidates(workbench);
        Map<Long, String> types = answers.getOrDefault(org.signalbench.links.LinkReviewResults.SELLER_TYPE, Map.of());
        return org.signalbench.links.LinkReviewResults.live(candidates, answers, evidence(workbench)).stream()
                .filter(c -> org.signalbench.links.LinkReviewResults.PHARMACY.equals(types.get(c.postId())))
                .map(LinkReviews.CandidateRow::domain).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** Each site's record for a packet: its link's evidence, the coders' final answers over its candidates, its tweets. */
    public List<org.signalbench.links.ReportPacket.Site> sites(Workbench workbench, List<String> domains) {
        Map<String, Map<Long, String>> answers = finalAnswers(workbench);
        List<LinkReviews.CandidateRow> candidates = latestCandidates(workbench);
        Map<String, LinkReviews.EvidenceRow> evidence = evidence(workbench);
        List<org.signalbench.links.ReportPacket.Site> sites = new ArrayList<>();
        try (Session s = workbench.openSession()) {
            LinkReviews reviews = new LinkReviews(s);
            for (String domain : domains) {
                List<LinkReviews.CandidateRow> of = candidates.stream().filter(c -> domain.equals(c.domain())).toList();
                if (of.isEmpty()) {
                    throw new IllegalArgumentException("no candidate of the latest review links to '" + domain + "'");
                }
                // the link that shows the site best: live with a screenshot, else live, else any with evidence
                java.util.function.Predicate<LinkReviews.CandidateRow> live = c -> evidence.containsKey(c.url())
                        && "live".equals(evidence.get(c.url()).liveness());
                LinkReviews.CandidateRow first = of.stream().filter(live.and(c -> evidence.get(c.url()).screenshotPath() != null)).findFirst()
                        .or(() -> of.stream().filter(live).findFirst())
                        .or(() -> of.stream().filter(c -> evidence.containsKey(c.url())).findFirst()).orElse(of.get(0));
                Map<String, String> merged = new LinkedHashMap<>();
                for (Codebook.Question q : codebook.questions()) {
                    java.util.TreeSet<String> values = new java.util.TreeSet<>();
                    for (LinkReviews.CandidateRow c : of) {
                        String v = answers.getOrDefault(q.key(), Map.of()).get(c.postId());
                        if (v != null) {
                            values.addAll(q.multiple() ? Codebook.choices(v) : List.of(v));
                        }
                    }
                    if (!values.isEmpty()) {
                        merged.put(q.key(), q.multiple() ? String.join(",", values) : values.first());
                    }
                }
                List<Long> own = new ArrayList<>();
                of.forEach(c -> {
                    own.add(c.postId());
                    c.copies().forEach((id, kind) -> {
                        if (org.signalbench.links.CandidateFunnel.IDENTICAL_COPY.equals(kind)) {
                            own.add(id);
                        }
                    });
                });
                List<org.signalbench.links.ReportPacket.Tweet> tweets = reviews.tweets(own).stream()
                        .map(t -> new org.signalbench.links.ReportPacket.Tweet(t.externalId(), t.author(), t.postedAt(), t.caption()))
                        .sorted(java.util.Comparator.comparing(org.signalbench.links.ReportPacket.Tweet::postedAt,
                                java.util.Comparator.nullsLast(String::compareTo))).toList();
                LinkReviews.EvidenceRow e = evidence.get(first.url());
                Path screenshot = e == null || e.screenshotPath() == null ? null : evidenceFile(workbench, e.screenshotPath());
                sites.add(new org.signalbench.links.ReportPacket.Site(domain, first.url(), e, merged, tweets, screenshot));
            }
        }
        return sites;
    }

    /**
     * Writes, into {@code folder}, {@code packet-<agency>.html} and {@code .pdf} per agency and one
     * {@code packet.csv} (a row per site per agency); masked unless {@code mask} is false. The files are
     * staged and moved into the folder when all are written (SafeOutputFile.stageFolder). Submits nothing.
     */
    public Packet writePacket(Workbench workbench, List<String> domains, List<String> agencyKeys, Path folder, boolean mask)
            throws IOException {
        var forms = org.signalbench.links.ReportPacket.Forms.load();
        List<org.signalbench.links.ReportPacket.Agency> agencies = agencyKeys.stream().map(forms::agency).toList();
        List<org.signalbench.links.ReportPacket.Site> sites = sites(workbench, domains);
        Map<Path, String> files = new LinkedHashMap<>();
        // staged and moved into the folder when every file is written: a failed run adds none
        try (Session s = workbench.openSession(); SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, s)) {
            for (var agency : agencies) {
                byte[] html = org.signalbench.links.ReportPacket.html(agency, sites, mask).getBytes(StandardCharsets.UTF_8);
                String htmlName = "packet-" + agency.key() + ".html";
                SafeOutputFile.write(staged.path().resolve(htmlName), s, out -> out.write(html));
                files.put(staged.target().resolve(htmlName), org.signalbench.links.LinkChecker.sha256(html));
                java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
                org.signalbench.links.ReportPacket.pdf(agency, sites, mask, pdf);
                String pdfName = "packet-" + agency.key() + ".pdf";
                SafeOutputFile.write(staged.path().resolve(pdfName), s, out -> pdf.writeTo(out));
                files.put(staged.target().resolve(pdfName), org.signalbench.links.LinkChecker.sha256(pdf.toByteArray()));
            }
            byte[] csv = org.signalbench.links.ReportPacket.csv(agencies, sites, mask);
            SafeOutputFile.write(staged.path().resolve("packet.csv"), s, out -> out.write(csv));
            files.put(staged.target().resolve("packet.csv"), org.signalbench.links.LinkChecker.sha256(csv));
            staged.publish();
        }
        return new Packet(files, domains);
    }

    /** Records that a site was reported to an agency, when, and the reference the agency gave (null until it gives one). */
    public void recordReport(Workbench workbench, String domain, String agency, java.time.Instant at, String reference,
                             String packetSha256) {
        org.signalbench.links.ReportPacket.Forms.load().agency(agency);
        try (Session s = workbench.openSession()) {
            new LinkReviews(s).saveReport(new LinkReviews.ReportRow(domain, agency.toLowerCase(java.util.Locale.ROOT),
                    at.toString(), reference, packetSha256));
        }
    }

    /** How many reports of the site {@code domain} are recorded. */
    public long reportCount(Workbench workbench, String domain) {
        return reports(workbench).stream().filter(r -> r.domain().equals(domain)).count();
    }

    /** Every recorded report, oldest first. */
    public List<LinkReviews.ReportRow> reports(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return new LinkReviews(s).reports();
        }
    }

    // ---- the review view --------------------------------------------------------------------------

    /** One site in the review list: its seller type (the candidates' final answer), whether a candidate is live, its LegitScript class. */
    public record SiteSummary(String domain, String sellerType, boolean live, String legitScript, int candidates) {
    }

    /** What the link review view shows: the figures beside the study's, and every site of the latest review (live ones first). */
    public record Overview(Comparison results, List<SiteSummary> sites) {
        public org.signalbench.links.LinkReviewResults.Figures figures() {
            return results.figures();
        }
    }

    /** The overview, or null when the workbench has no review yet. */
    public Overview overview(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            if (new LinkReviews(s).latestReview().isEmpty()) {
                return null;
            }
        }
        var comparison = compareWithStudy(workbench);
        Map<String, Map<Long, String>> answers = finalAnswers(workbench);
        List<LinkReviews.CandidateRow> candidates = latestCandidates(workbench);
        Map<String, LinkReviews.EvidenceRow> evidence = evidence(workbench);
        Set<Long> live = new java.util.HashSet<>();
        org.signalbench.links.LinkReviewResults.live(candidates, answers, evidence).forEach(c -> live.add(c.postId()));
        Map<String, List<LinkReviews.CandidateRow>> byDomain = new java.util.TreeMap<>();
        candidates.stream().filter(c -> c.domain() != null).forEach(c -> byDomain.computeIfAbsent(c.domain(), k -> new ArrayList<>()).add(c));
        List<SiteSummary> sites = new ArrayList<>();
        byDomain.forEach((domain, of) -> {
            String type = of.stream().map(c -> answers.getOrDefault(org.signalbench.links.LinkReviewResults.SELLER_TYPE, Map.of()).get(c.postId()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse("not coded");
            String legit = of.stream().map(c -> evidence.get(c.url())).filter(java.util.Objects::nonNull)
                    .map(LinkReviews.EvidenceRow::legitScript).findFirst().orElse("not-checked");
            sites.add(new SiteSummary(domain, type, of.stream().anyMatch(c -> live.contains(c.postId())), legit, of.size()));
        });
        sites.sort(java.util.Comparator.comparing((SiteSummary x) -> !x.live()).thenComparing(SiteSummary::domain));
        return new Overview(comparison, sites);
    }
}
