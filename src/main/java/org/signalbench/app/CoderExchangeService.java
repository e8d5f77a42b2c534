package org.signalbench.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.signalbench.exporting.PostExporter;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.importing.CoderFileImport;
import org.signalbench.importing.Rejection;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.Codebook;
import org.signalbench.store.DataLocations;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Two coders on two laptops (docs/two-laptops.md) as a use case for the app's File menu: the posts
 * and the codebook out for a coder (the bundle {@code export --format bundle} writes, with no one's
 * answers), and coders' files in (what {@code labels import} does, with its corpus-fingerprint checks).
 */
public final class CoderExchangeService {
    /** The bundle's name in the folder a coder gets. */
    public static final String POSTS = "posts.jsonl";
    /** The codebook in use, beside the posts. */
    public static final String CODEBOOK = "codebook.json";

    /** What an export for a coder wrote: the bundle (its media in {@code posts-media/}) and the codebook. */
    public record ForCoder(Path posts, long postCount, Path codebook) {
    }

    /**
     * What one coder file brought: answers added, answers the workbench already held, and the refused
     * entries (with file and line; a line of null refuses the whole file) and conflicting answers.
     */
    public record FileOutcome(Path file, int added, int unchanged, List<Rejection> refused,
                              List<CoderFileImport.Conflict> conflicts) {
        /** True when the whole file was refused (another corpus, not a coder file, ...): nothing of it was taken. */
        public boolean refusedWhole() {
            return refused.stream().anyMatch(r -> r.line() == null);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Codebook codebook;

    public CoderExchangeService(Codebook codebook) {
        this.codebook = codebook;
    }

    /**
     * Writes {@value #POSTS} (every post, its comments, links and media, no answers) and
     * {@value #CODEBOOK} (the codebook in use) into {@code folder}, each whole or not at all.
     */
    public ForCoder exportForCoder(Workbench workbench, Path folder, JobContext job) throws IOException {
        SafeOutputFile.createFolder(folder);
        Path posts = folder.resolve(POSTS);
        Path codebookFile = folder.resolve(CODEBOOK);
        try (Session session = workbench.openSession()) {
            job.progress(0, 2, "posts");
            long n = new PostExporter(posts, true).export(session, PostExporter.Format.BUNDLE, null);
            job.progress(1, 2, "codebook");
            byte[] bytes;
            try (InputStream in = DataLocations.openResource(Codebook.RESOURCE)) {
                bytes = in.readAllBytes();
            }
            SafeOutputFile.write(codebookFile, session, out -> out.write(bytes));
            job.progress(2, 2, n + " posts");
            return new ForCoder(posts, n, codebookFile);
        }
    }

    /**
     * Writes {@code person}'s latest answers and notes as a coder file (what {@code labels export}
     * writes, with its corpus fingerprint) to {@code out}; returns how many entries it holds.
     */
    public int exportAnswers(Workbench workbench, org.signalbench.domain.Coder person, Path out) throws IOException {
        try (Session session = workbench.openSession()) {
            return org.signalbench.labels.CoderFileExport.write(session, person, codebook, out);
        }
    }

    /** The file name a person's answers are proposed under: {@code coder-a-answers.json}. */
    public static String answersFileName(org.signalbench.domain.Coder person) {
        return person.name().replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-answers.json";
    }

    /**
     * Imports each coder file as {@code labels import} does: a file made for another corpus is
     * refused whole, bad entries are refused by line, the rest is taken; a file imported twice adds
     * nothing. Stops between files when the job is cancelled.
     */
    public List<FileOutcome> importAnswers(Workbench workbench, List<Path> files, JobContext job) throws IOException {
        List<FileOutcome> outcomes = new ArrayList<>();
        try (Session session = workbench.openSession()) {
            for (int i = 0; i < files.size() && !job.isCancelled(); i++) {
                Path file = files.get(i);
                job.progress(i, files.size(), file.getFileName().toString());
                List<Rejection> refused = new ArrayList<>();
                List<CoderFileImport.Conflict> conflicts = new ArrayList<>();
                int added = 0;
                if (!Files.isRegularFile(file)) {
                    refused.add(new Rejection(file.toString(), null, "no such file"));
                } else if (!CoderFileImport.isCoderFile(file)) {
                    refused.add(new Rejection(file.toString(), null, "not a coder file (a JSON file with \"format\": \""
                            + CoderFileImport.FORMAT + "\", written by `labels export` or the coder's app)"));
                } else {
                    added = CoderFileImport.importFile(session, codebook, file, null, refused::add, conflicts::add);
                }
                boolean whole = refused.stream().anyMatch(r -> r.line() == null);
                int unchanged = whole ? 0 : Math.max(0, offeredAnswers(file, refused) - added);
                outcomes.add(new FileOutcome(file, added, unchanged, List.copyOf(refused), List.copyOf(conflicts)));
            }
            job.progress(files.size(), files.size(), "");
        }
        return outcomes;
    }

    /**
     * The answers (values and notes) of the file's entries that were not refused: what the import
     * took or found already stored. Only counted, never stored.
     */
    static int offeredAnswers(Path file, List<Rejection> refused) throws IOException {
        Set<Integer> refusedLines = new HashSet<>();
        refused.forEach(r -> refusedLines.add(r.line()));
        int offered = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (!"answers".equals(field) || token != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int line = p.currentLocation().getLineNr();
                    int answers = 0;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonToken value = p.nextToken();
                        if ("values".equals(key) && value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                p.nextToken();
                                p.skipChildren();
                                answers++;
                            }
                        } else {
                            if (Codebook.NOTE.equals(key) && value == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                                answers++;
                            }
                            p.skipChildren();
                        }
                    }
                    if (!refusedLines.contains(line)) {
                        offered += answers;
                    }
                }
            }
        }
        return offered;
    }
}
