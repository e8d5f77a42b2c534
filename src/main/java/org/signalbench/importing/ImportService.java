package org.signalbench.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.signalbench.domain.PostDraft;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.Codebook;
import org.signalbench.store.EnvironmentFault;
import org.signalbench.store.ImportRuns;
import org.signalbench.store.InterruptedImports;
import org.signalbench.store.PostWriter;
import org.signalbench.store.Session;
import org.signalbench.store.StoreException;
import org.signalbench.store.Workbench;

/**
 * Imports files and folders into a workbench: detects each file's format, reads posts in chunks,
 * writes each chunk in one transaction (whole posts only), then takes in coder files, and records
 * the run with everything it refused in {@code import_run} / {@code import_rejection}.
 */
public final class ImportService {
    /** Posts per transaction: large enough for batching to pay, small enough to cancel promptly. */
    static final int CHUNK_SIZE = 2_000;
    /**
     * Longest caption accepted, in characters. Instagram allows 2,200 and Twitter 25,000 (long
     * tweets), so anything past 100,000 is not a real post but a broken or hostile file.
     */
    public static final int MAX_CAPTION_CHARS = 100_000;

    private final Workbench workbench;
    private final Codebook codebook;

    /** An importer checking coder files' answers against {@code codebook}. */
    public ImportService(Workbench workbench, Codebook codebook) {
        this.workbench = workbench;
        this.codebook = codebook;
    }

    /** A data file to read, with how it was detected. */
    private record Planned(Path file, FormatDetector.Detection detection) {
    }

    /** A draft waiting for its chunk to be written, with where it came from and its place in the report. */
    private record Pending(PostDraft draft, String file, Integer line, long order) {
    }

    /** A rejection with its place in the report, so the report reads in file order whatever thread found it. */
    private record Ordered(long order, Rejection rejection) {
    }

    /** A chunk the writer thread has stored, with what became of each draft. */
    private record Written(List<Pending> chunk, List<PostWriter.Outcome> outcomes) {
    }

    /** Imports files and folders; forcedFormat null = detect per file. Never throws for bad input. */
    public ImportReport run(List<Path> sources, ImportFormat forcedFormat, JobContext job) throws IOException {
        return run(sources, forcedFormat, job, ImportFilter.NONE);
    }

    /** As {@link #run(List, ImportFormat, JobContext)}, leaving out the posts {@code filter} names (counted as skipped). */
    public ImportReport run(List<Path> sources, ImportFormat forcedFormat, JobContext job, ImportFilter filter)
            throws IOException {
        return run(sources, forcedFormat, job, filter, CsvOptions.DEFAULT);
    }

    /**
     * As {@link #run(List, ImportFormat, JobContext, ImportFilter)}, reading CSV files with {@code csv}
     * (columns, delimiter, encoding, time format); its {@code dropRetweets} leaves out retweets of every format.
     */
    public ImportReport run(List<Path> sources, ImportFormat forcedFormat, JobContext job, ImportFilter filter,
                            CsvOptions csv) throws IOException {
        JobContext context = job == null ? JobContext.NONE : job;
        CsvOptions csvOptions = csv == null ? CsvOptions.DEFAULT : csv;
        ImportFilter given = filter == null ? ImportFilter.NONE : filter;
        try (Session session = workbench.openBulkSession()) {
            return new Run(session, context, codebook, csvOptions.dropRetweets() ? ImportFilter.RETWEETS.then(given) : given,
                    csvOptions).execute(sources, forcedFormat);
        }
    }

    /** The state of one import. */
    private static final class Run {
        private final Session session;
        private final Codebook codebook;
        private final JobContext job;
        private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private final List<Ordered> rejections = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        /** Stores one chunk while the next one is read: reading and writing overlap on two cores. */
        private final ExecutorService writerThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "signalbench-import-writer");
            thread.setDaemon(true);
            return thread;
        });
        private Future<Written> inFlight;
        private long order;
        private final Map<ImportFormat, PostFileReader> readers = new EnumMap<>(ImportFormat.class);
        private PostWriter writer;
        private int imported;
        private int duplicates;
        private int labels;
        private final Map<String, Integer> skipped = new TreeMap<>();
        // Progress is counted in bytes of the files on disk, so one large file moves the bar too.
        private long bytesDone;
        private long bytesTotal;
        private long currentFileBytes;
        private long lastReported = -1;
        private String currentFile = "";

        private final ImportFilter filter;

        Run(Session session, JobContext job, Codebook codebook, ImportFilter filter, CsvOptions csv) {
            this.codebook = codebook;
            this.session = session;
            this.job = job;
            this.filter = filter;
            readers.put(ImportFormat.INSTALOADER, new InstaloaderReader());
            readers.put(ImportFormat.TWITTER, new TwitterReader());
            readers.put(ImportFormat.CSV, new CsvPostReader(csv));
            readers.put(ImportFormat.BUNDLE, new BundleReader());
        }

        ImportReport execute(List<Path> sources, ImportFormat forced) throws IOException {
            long runId = startRun(sources);
            boolean cancelled = false;
            String status = "failed";
            Throwable stop = null;
            PostWriter postWriter = PostWriter.on(session, startedAt);
            try {
                writer = postWriter;
                List<Planned> posts = new ArrayList<>();
                List<Path> coderFiles = new ArrayList<>();
                plan(sources, forced, posts, coderFiles);
                for (Planned planned : posts) {
                    bytesTotal += sizeOf(planned.file());
                }
                for (Path file : coderFiles) {
                    bytesTotal += sizeOf(file);
                }
                int files = posts.size() + coderFiles.size();
                job.progress(0, bytesTotal, "importing " + files + " files");
                try {
                    for (Planned planned : posts) {
                        checkCancelled();
                        currentFileBytes = sizeOf(planned.file());
                        readPostFile(planned);
                        bytesDone += currentFileBytes;
                        job.progress(bytesDone, bytesTotal, planned.file().getFileName() + ": " + postsRead() + " posts read");
                    }
                    submitChunk();
                    awaitChunk();
                    // Coder files after all posts: their answers refer to posts.
                    for (Path file : coderFiles) {
                        checkCancelled();
                        readCoderFile(file);
                        bytesDone += sizeOf(file);
                        job.progress(bytesDone, bytesTotal, file.getFileName() + ": " + labels + " answers taken in");
                    }
                    status = "done";
                } catch (EnvironmentFault e) {
                    // Not the input's fault: the run is interrupted; what was committed is whole and kept,
                    // and importing the same sources again completes it.
                    status = InterruptedImports.INTERRUPTED;
                    throw e;
                } catch (CancelledException e) {
                    awaitChunk(); // the chunk being stored is committed whole
                    pending.clear(); // not stored: the import stops at the last whole chunk
                    cancelled = true;
                    status = "cancelled";
                }
            } catch (IOException | RuntimeException | Error e) {
                stop = e;
                throw stopped(e);
            } finally {
                try {
                    if (inFlight != null) {
                        inFlight.cancel(false);
                        awaitQuietly();
                    }
                } finally {
                    writerThread.shutdown();
                    postWriter.release();
                }
                finishRunKeeping(runId, status, stop, sources);
            }
            return new ImportReport(imported, duplicates, labels, report(), cancelled, skipped);
        }

        /** An environment fault as {@link ImportStoppedException}, telling what was stored before it; others as they are. */
        private <E extends Throwable> Throwable stoppedOrSame(E e) {
            return EnvironmentFault.of(e).<Throwable>map(fault -> new ImportStoppedException(fault,
                    new ImportReport(imported, duplicates, labels, report(), false, skipped))).orElse(e);
        }

        private RuntimeException stopped(Throwable e) throws IOException {
            Throwable out = stoppedOrSame(e);
            if (out instanceof RuntimeException runtime) {
                return runtime;
            }
            if (out instanceof IOException io) {
                throw io;
            }
            throw (Error) out;
        }

        /**
         * Records how the run ended; when the import is already stopping on a failure, a failure to
         * record it (the same full disk, the same lock) is added to that one, never put in its place.
         */
        private void finishRunKeeping(long runId, String status, Throwable stop, List<Path> sources) {
            try {
                finishRun(runId, status);
                if ("done".equals(status)) {
                    new InterruptedImports(session).complete(sources);
                }
            } catch (RuntimeException e) {
                if (stop == null) {
                    throw e;
                }
                stop.addSuppressed(e);
            }
        }

        private List<Rejection> report() {
            List<Ordered> sorted = new ArrayList<>(rejections);
            sorted.sort(Comparator.comparingLong(Ordered::order));
            return sorted.stream().map(Ordered::rejection).toList();
        }

        private void reject(Rejection rejection) {
            rejections.add(new Ordered(order++, rejection));
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0; // reported when the file is read
            }
        }

        private long postsRead() {
            return imported + duplicates + pending.size() + (inFlight == null ? 0 : CHUNK_SIZE);
        }

        private void checkCancelled() {
            if (job.isCancelled()) {
                throw new CancelledException();
            }
        }

        // ---- planning --------------------------------------------------------------------------

        private void plan(List<Path> sources, ImportFormat forced, List<Planned> posts, List<Path> coderFiles) throws IOException {
            for (Path source : sources) {
                if (!Files.exists(source)) {
                    reject(new Rejection(source.toString(), null, "no such file or folder"));
                    continue;
                }
                if (!Files.isDirectory(source)) {
                    if (!FormatDetector.isDataFileName(source) || InstaloaderReader.isCommentsFileName(source)) {
                        reject(new Rejection(source.toString(), null, InstaloaderReader.isCommentsFileName(source)
                                ? "a comments file is read with its post: import the post file or its folder"
                                : "not a file SignalBench imports (.json, .jsonl, .ndjson or .csv, optionally .xz)"));
                        continue;
                    }
                    planFile(source, forced, posts, coderFiles);
                    continue;
                }
                Path root = source.toRealPath();
                List<Path> files;
                // Files.walk does not follow links to folders; a linked file is read only if it stays inside.
                try (Stream<Path> walk = Files.walk(source)) {
                    files = walk.filter(p -> !Files.isDirectory(p) && !isHidden(source, p)).sorted().toList();
                } catch (UncheckedIOException e) {
                    reject(new Rejection(source.toString(), null, "cannot list the folder: " + e.getCause().getMessage()));
                    continue;
                }
                for (Path file : files) {
                    if (!FormatDetector.isDataFileName(file)) {
                        continue;
                    }
                    if (Files.isSymbolicLink(file) && !isInside(root, file)) {
                        reject(new Rejection(file.toString(), null,
                                "a link to a file outside the imported folder; not read"));
                        continue;
                    }
                    planFile(file, forced, posts, coderFiles);
                }
            }
        }

        /** Files and folders whose names start with '.' (.git, .DS_Store, macOS "._" copies) are not read. */
        private static boolean isHidden(Path source, Path file) {
            for (Path part : source.relativize(file)) {
                if (part.toString().startsWith(".")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isInside(Path root, Path file) {
            try {
                return file.toRealPath().startsWith(root);
            } catch (IOException e) {
                return false;
            }
        }

        private void planFile(Path file, ImportFormat forced, List<Planned> posts, List<Path> coderFiles) {
            if (!Files.isRegularFile(file)) {
                // A named pipe would block the import forever on its first read; a device is no data file.
                reject(new Rejection(file.toString(), null, SourceText.notRegular(file)));
                return;
            }
            FormatDetector.Detection detection = FormatDetector.detect(file, forced);
            if (!detection.isData()) {
                return;
            }
            if (detection.refusal() != null) {
                reject(new Rejection(file.toString(), null, detection.refusal()));
            } else if (detection.format() == ImportFormat.CODER_FILE) {
                coderFiles.add(file);
            } else {
                posts.add(new Planned(file, detection));
            }
        }

        // ---- posts -----------------------------------------------------------------------------

        private void readPostFile(Planned planned) {
            Path file = planned.file();
            currentFile = file.toString();
            PostFileReader reader = readers.get(planned.detection().format());
            DraftSink sink = new DraftSink() {
                @Override
                public void accept(PostDraft draft, Integer line) {
                    offer(draft, line);
                }

                @Override
                public void reject(Integer line, String reason) {
                    Run.this.reject(new Rejection(currentFile, line, reason));
                }

                @Override
                public void skip(Integer line, String kind) {
                    skipped.merge(kind, 1, Integer::sum);
                }

                @Override
                public void readUpTo(double fraction) {
                    long done = bytesDone + (long) (fraction * currentFileBytes);
                    // Report about every half percent: often enough for a smooth bar, rarely enough to cost nothing.
                    if (done - lastReported >= Math.max(1, bytesTotal / 200)) {
                        lastReported = done;
                        job.progress(done, bytesTotal, file.getFileName() + ": " + postsRead() + " posts read");
                    }
                }
            };
            try {
                reader.read(file, sink);
            } catch (BadInputException e) {
                reject(new Rejection(currentFile, e.line(), e.getMessage()));
            } catch (IOException e) {
                reject(new Rejection(currentFile, null, "cannot read the file: " + e));
            } catch (ChunkWriteFailure e) {
                throw e.cause;
            } catch (CancelledException | EnvironmentFault e) {
                throw e;
            } catch (RuntimeException e) {
                // A reader bug must not end the whole import; it is reported like bad input.
                reject(new Rejection(currentFile, null, "could not be read: " + e));
            }
        }

        /** Carries a database failure out of a reader's callback. */
        private static final class ChunkWriteFailure extends RuntimeException {
            private static final long serialVersionUID = 1L;
            private final transient StoreException cause;

            ChunkWriteFailure(StoreException cause) {
                super(cause);
                this.cause = cause;
            }
        }

        private void offer(PostDraft draft, Integer line) {
            String leftOut = filter.leaveOut(draft);
            if (leftOut != null) {
                skipped.merge(leftOut, 1, Integer::sum);
                return;
            }
            String caption = draft.caption();
            if (caption.length() > MAX_CAPTION_CHARS) {
                int chars = caption.codePointCount(0, caption.length());
                if (chars > MAX_CAPTION_CHARS) {
                    reject(new Rejection(currentFile, line, String.format(Locale.ROOT,
                            "caption of post %s is %,d characters long, over the limit of %,d", draft.externalId(),
                            chars, MAX_CAPTION_CHARS)));
                    return;
                }
            }
            pending.add(new Pending(draft, currentFile, line, order++));
            if (pending.size() >= CHUNK_SIZE) {
                try {
                    submitChunk();
                } catch (StoreException e) {
                    throw new ChunkWriteFailure(e);
                }
                checkCancelled();
            }
        }

        /** Hands the pending drafts to the writer thread, after the previous chunk is stored. */
        private void submitChunk() {
            awaitChunk();
            if (pending.isEmpty()) {
                return;
            }
            List<Pending> chunk = List.copyOf(pending);
            pending.clear();
            List<PostDraft> drafts = new ArrayList<>(chunk.size());
            for (Pending p : chunk) {
                drafts.add(p.draft());
            }
            inFlight = writerThread.submit(() -> new Written(chunk, writer.store(drafts)));
        }

        /** Waits for the chunk being stored and counts what became of it. */
        private void awaitChunk() {
            if (inFlight == null) {
                return;
            }
            Written written;
            try {
                written = inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing posts", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("storing posts failed: " + e.getCause(), e.getCause());
            } finally {
                inFlight = null;
            }
            for (int i = 0; i < written.outcomes().size(); i++) {
                PostWriter.Outcome outcome = written.outcomes().get(i);
                switch (outcome.status()) {
                    case NEW -> imported++;
                    case DUPLICATE -> duplicates++;
                    case FAILED -> {
                        Pending p = written.chunk().get(i);
                        rejections.add(new Ordered(p.order(), new Rejection(p.file(), p.line(), "post "
                                + p.draft().externalId() + " could not be stored: " + outcome.failure())));
                    }
                }
            }
        }

        /** After a failure: lets a running chunk finish so the connection is free before it is closed. */
        private void awaitQuietly() {
            try {
                inFlight.get();
            } catch (Exception ignored) {
                // the failure that got us here is already on its way out
            } finally {
                inFlight = null;
            }
        }

        // ---- coder files -----------------------------------------------------------------------

        private void readCoderFile(Path file) {
            try {
                labels += CoderFileImport.importFile(session, codebook, file, null, this::reject, conflict -> { });
            } catch (IOException | RuntimeException e) {
                if (e instanceof CancelledException cancelled) {
                    throw cancelled;
                }
                EnvironmentFault.throwIfEnvironment(e);
                reject(new Rejection(file.toString(), null, "coder file not taken in: " + e.getMessage()));
            }
        }

        // ---- the run's record ------------------------------------------------------------------

        private long startRun(List<Path> sources) {
            String sourceList;
            try {
                // Absolute paths: an interrupted run is finished by importing them again, from anywhere.
                sourceList = JsonInput.mapper().writeValueAsString(sources.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString()).toList());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            long runId = new ImportRuns(session).start(startedAt, sourceList);
            new InterruptedImports(session).own(runId);
            return runId;
        }

        private void finishRun(long runId, String status) {
            new ImportRuns(session).finish(runId, Instant.now().truncatedTo(ChronoUnit.SECONDS), imported, duplicates,
                    labels, status, report().stream().map(r -> new ImportRuns.RejectionRow(r.file(), r.line(), r.reason())).toList());
        }
    }
}
