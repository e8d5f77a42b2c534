package org.signalbench.ui.annotate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.app.AccessService;
import org.signalbench.app.AnnotationSession;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Post;
import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.Role;
import org.signalbench.domain.ScoreOrder;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.labels.Progress;
import org.signalbench.labels.SavedAnswer;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.posts.PostDetailViewModel;

/**
 * State of the Annotate view: who is coding, their queue, the post shown with their own answers,
 * and their progress.
 *
 * <p>Blind by construction: the only label reads are {@link LabelStore}'s coder-side ones
 * ({@code queue}, {@code progress}, {@code answersOf}). Every answer is committed by
 * {@link LabelStore#saveAnswer} before the view moves on. A post is left only once every question
 * that applies to it has an answer (and only after a single-choice answer, never after a toggle of
 * a multiple-choice one), or on an explicit next, skip or previous. Actions run strictly in the order the
 * keys were pressed: an action waits until the save before it has finished. The coding session
 * (its own connection and store) lives on a {@link SerialExecutor} over the app's executor.
 */
public final class AnnotateViewModel {
    private static final System.Logger LOG = System.getLogger(AnnotateViewModel.class.getName());

    private final CurrentWorkbench current;
    private final Executor executor;
    /** The Instagram codebook (posts). */
    private final Codebook postsCodebook;
    /** The link review's codebook, read when first needed. */
    private Codebook linkCodebook;
    /** The codebook of the study being coded; changed only on the FX thread, between actions. */
    private final ObjectProperty<Codebook> codebook = new SimpleObjectProperty<>();
    private final ObjectProperty<AnnotationSession.Study> study = new SimpleObjectProperty<>(AnnotationSession.Study.POSTS);
    private final BooleanProperty linkReviewAvailable = new SimpleBooleanProperty();
    /** Whether the open workbench has an expert passphrase (true until read: the usual case). */
    private final BooleanProperty expertPassphraseSet = new SimpleBooleanProperty(true);
    private final AccessService access;
    private final PostDetailViewModel detail = new PostDetailViewModel();

    private final ObjectProperty<Coder> signedIn = new SimpleObjectProperty<>();
    private final ObservableList<Coder> knownCoders = FXCollections.observableArrayList();
    private final ObservableList<String> collections = FXCollections.observableArrayList();
    private final ObservableList<String> scoreModels = FXCollections.observableArrayList();
    private final StringProperty collectionFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final StringProperty scoreModel = new SimpleStringProperty();
    private final ObjectProperty<ScoreOrder> scoreOrder = new SimpleObjectProperty<>(ScoreOrder.HIGHEST_FIRST);

    private final ObjectProperty<Post> post = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, String>> answers = new SimpleObjectProperty<>(Map.of());
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>(new Progress(0, 0));
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final IntegerProperty queueSize = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty advanceWhenComplete = new SimpleBooleanProperty(true);
    private final BooleanProperty helpShown = new SimpleBooleanProperty();
    private final StringProperty answeringFor = new SimpleStringProperty("");
    private final ObjectProperty<Coder> suggested = new SimpleObjectProperty<>();
    private Coder lastPerson;

    /** Background state, touched only by tasks on {@link #serial}. */
    private final Executor serial;
    private AnnotationSession session;
    private final Map<Long, Post> prefetched = new ConcurrentHashMap<>();

    /** FX-thread state. */
    private List<Long> queue = List.of();
    private final Deque<SavedAnswer> undoable = new ArrayDeque<>();
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean working;
    private int generation;

    /** A coder's open coding session: a connection of its own, used by one task at a time. */

    /** A post as shown: the post and the coder's own answers to it. */
    private record Shown(int index, Post post, Map<String, String> answers) {
    }

    /** @param codebook the codebook of the settings in use (loaded once at the app's start) */
    public AnnotateViewModel(CurrentWorkbench current, Executor executor, Codebook codebook) {
        this(current, executor, codebook, new AccessService());
    }

    /** @param access checks the expert's passphrase */
    public AnnotateViewModel(CurrentWorkbench current, Executor executor, Codebook codebook, AccessService access) {
        this.access = access;
        this.current = current;
        this.executor = executor;
        this.serial = new SerialExecutor(executor);
        this.postsCodebook = codebook;
        this.codebook.set(codebook);
        current.workbenchProperty().addListener((obs, old, now) -> {
            signOut();
            reloadChoices();
        });
        current.revisionProperty().addListener((obs, old, now) -> reloadChoices());
        // new scores (the Models view's final model) make "order by model" available
        current.scoresRevisionProperty().addListener((obs, old, now) -> reloadChoices());
        current.linkReviewRevisionProperty().addListener((obs, old, now) -> reloadChoices());
    }

    // ---- signing in -------------------------------------------------------------------------------

    /** Reads the names already in the workbench, the collection searches and the score models. */
    public void reloadChoices() {
        Workbench workbench = current.get();
        if (workbench == null) {
            return;
        }
        Tasks.create(() -> AnnotationSession.choices(workbench, postsCodebook))
                .onSuccess(choices -> {
                    linkReviewAvailable.set(choices.linkReview());
                    knownCoders.setAll(choices.coders());
                    collections.setAll(choices.collections());
                    scoreModels.setAll(choices.scoreModels());
                })
                .onError(error -> message.set("Cannot read the coders: " + error.getMessage()))
                .runOn(executor);
        Tasks.create(() -> access.hasExpertPassphrase(workbench))
                .onSuccess(expertPassphraseSet::set)
                .runOn(executor);
    }

    /** Signs in as a coder or an analyst (the expert needs the passphrase: {@link #signIn(String, Role, char[])}). */
    public void signIn(String name, Role role) {
        signIn(name, role, null);
    }

    /**
     * Signs in as {@code name} (created when new) with {@code role}. A coder's queue opens at its
     * first post; the expert (with the workbench's expert passphrase; the first expert sets it)
     * codes nothing here but opens every view; an analyst codes nothing, is not stored, and opens
     * the results (findings, models, agreement). The passphrase is wiped once checked.
     */
    public void signIn(String name, Role role, char[] passphrase) {
        Workbench workbench = current.get();
        if (workbench == null) {
            message.set("No workbench is open yet.");
            AccessService.wipe(passphrase);
            return;
        }
        if (name == null || name.isBlank()) {
            message.set("Type your name to start.");
            AccessService.wipe(passphrase);
            return;
        }
        if (role == Role.ANALYST) {
            AccessService.wipe(passphrase);
            perform(() -> background(() -> {
                closeSession();
                return new Coder(0, org.signalbench.domain.PersonName.check(name.strip()), Role.ANALYST);
            }, analyst -> {
                undoable.clear();
                lastPerson = analyst;
                signedIn.set(analyst);
                showQueue(new Queue(analyst, List.of(), new Progress(0, 0), null));
            }, "Cannot start: "));
            return;
        }
        AnnotationSession.Study chosen = study.get();
        useCodebookOf(role == Role.CODER ? chosen : AnnotationSession.Study.POSTS);
        perform(() -> background(() -> {
            if (role == Role.EXPERT) {
                try {
                    checkExpert(workbench, passphrase);
                } finally {
                    AccessService.wipe(passphrase);
                }
            }
            closeSession();
            AnnotationSession.Study coding = role == Role.CODER ? chosen : AnnotationSession.Study.POSTS;
            session = AnnotationSession.open(workbench, codebookOf(coding), name, role, coding);
            try {
                Coder coder = session.coder();
                return coder.role() == Role.CODER ? openQueue() : new Queue(coder, List.of(), new Progress(0, 0), null);
            } catch (RuntimeException e) {
                closeSession();
                throw e;
            }
        }, opened -> {
            undoable.clear();
            lastPerson = opened.coder();
            signedIn.set(opened.coder());
            showQueue(opened);
            if (!knownCoders.contains(opened.coder())) {
                knownCoders.add(opened.coder());
            }
        }, "Cannot start: "));
    }

    private record Queue(Coder coder, List<Long> ids, Progress progress, Shown first) {
    }

    /** On the session's thread: accepts the expert's passphrase, or sets it when the workbench has none yet. */
    private void checkExpert(Workbench workbench, char[] passphrase) {
        switch (access.checkExpert(workbench, passphrase)) {
            case ACCEPTED -> { }
            case REFUSED -> throw new IllegalArgumentException("that is not this workbench's expert passphrase.");
            case NOT_SET -> {
                if (passphrase == null || passphrase.length < AccessService.MIN_LENGTH) {
                    throw new IllegalArgumentException("this workbench has no expert passphrase yet: type one of at least "
                            + AccessService.MIN_LENGTH + " characters to set it (it is asked at every expert sign-in from now on).");
                }
                access.setExpertPassphrase(workbench, passphrase);
                javafx.application.Platform.runLater(() -> expertPassphraseSet.set(true));
            }
        }
    }

    /** On the session's thread: the coder's queue under the filter, their progress, the first post. */
    private Queue openQueue() {
        QueueFilter filter = filter();
        List<Long> ids = session.queue(filter);
        Progress done = session.progress(filter);
        return new Queue(session.coder(), ids, done, ids.isEmpty() ? null : load(ids, 0));
    }

    private void showQueue(Queue opened) {
        queue = opened.ids();
        queueSize.set(queue.size());
        progress.set(opened.progress());
        show(opened.first());
        if (opened.coder().role() == Role.CODER && queue.isEmpty()) {
            message.set("No posts match this queue.");
        }
    }

    /** Ends the session; the next person signs in afresh. */
    public void signOut() {
        generation++;
        waiting.clear();
        working = false;
        undoable.clear();
        signedIn.set(null);
        queue = List.of();
        queueSize.set(0);
        progress.set(new Progress(0, 0));
        show(null);
        message.set("");
        serial.execute(this::closeSession);
    }

    private void closeSession() {
        prefetched.clear();
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close the coding session", e);
            }
            session = null;
        }
    }

    /** Reopens the queue under the filter fields, at its first post. */
    public void applyFilter() {
        if (!isCoding()) {
            return;
        }
        perform(() -> background(this::openQueue, this::showQueue));
    }

    private QueueFilter filter() {
        return new QueueFilter(blankToNull(collectionFilter.get()), blankToNull(textFilter.get()), blankToNull(scoreModel.get()),
                scoreOrder.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private boolean isCoding() {
        return signedIn.get() != null && signedIn.get().role() == Role.CODER;
    }

    // ---- answering --------------------------------------------------------------------------------

    /** When a save moves on to the next post. */
    private enum Advance {
        /** Stay on the post (a toggle of a multiple-choice question). */
        STAY,
        /** Move on when every question that applies to the post is answered (and the coder wants that). */
        WHEN_COMPLETE,
        /** Move on (an explicit next that also saves a changed note). */
        ALWAYS
    }

    /**
     * Saves the answer to a single-choice question. Once saved, the view moves on to the next post
     * only if every question that applies to this post now has an answer and
     * {@link #advanceWhenCompleteProperty()} is set; otherwise it stays (Enter moves on).
     */
    public void answer(String question, String value) {
        perform(() -> {
            if (!canAnswer(question)) {
                finished();
                return;
            }
            save(question, value, advanceWhenComplete.get() ? Advance.WHEN_COMPLETE : Advance.STAY);
        });
    }

    /** Answers a multiple-choice question with "none of these" (contact channels: none). */
    public void answerNone(String question) {
        perform(() -> {
            if (!canAnswer(question)) {
                finished();
                return;
            }
            save(question, Codebook.NONE, Advance.STAY);
        });
    }

    /** Adds or removes one choice of a multiple-choice question (contact channels) and saves the new set. */
    public void toggle(String question, String choice) {
        perform(() -> {
            if (!canAnswer(question)) {
                finished();
                return;
            }
            TreeSet<String> chosen = new TreeSet<>(Codebook.choices(answers.get().get(question)));
            if (!chosen.remove(choice)) {
                chosen.add(choice);
            }
            save(question, chosen.isEmpty() ? Codebook.NONE : String.join(",", chosen), Advance.STAY);
        });
    }

    private boolean canAnswer(String question) {
        Post shown = post.get();
        if (shown == null || !isCoding()) {
            return false;
        }
        Codebook.Question q = codebook.get().question(question).orElse(null);
        if (q == null) {
            return false;
        }
        if (q.whenImage() && shown.media().isEmpty()) {
            message.set(q.label() + " is asked only for posts with images.");
            return false;
        }
        return true;
    }

    /** The note as typed, when it differs from the saved one; else null (leave the note alone). */
    private String changedNote() {
        String saved = answers.get().getOrDefault(Codebook.NOTE, "");
        String typed = note.get() == null ? "" : note.get().strip();
        return typed.equals(saved) ? null : typed;
    }

    private void save(String question, String value, Advance advance) {
        Post shown = post.get();
        long postId = shown.id();
        boolean hasImages = !shown.media().isEmpty();
        int index = position.get();
        List<Long> ids = queue;
        String noteToSave = changedNote();
        AnnotationSession mine = session;
        Codebook asked = codebook.get();
        background(() -> {
            SavedAnswer saved = mine.save(postId, question, value, noteToSave);
            Map<String, String> own = mine.answersOf(postId);
            boolean moveOn = advance == Advance.ALWAYS
                    || advance == Advance.WHEN_COMPLETE && asked.complete(own, hasImages);
            Shown next = moveOn ? loadOrNull(ids, index + 1) : null;
            return new Saved(saved, own, moveOn, next);
        }, done -> {
            undoable.push(done.saved());
            progress.set(progress.get().plus(done.saved().doneDelta()));
            message.set("Saved " + labelOf(question) + " = " + done.saved().value() + " on " + describe(index, shown) + "."
                    + (done.moveOn() ? "" : stillOpen(done.own(), hasImages)));
            if (done.moveOn()) {
                showNext(done.next(), index + 1);
            } else {
                answers.set(done.own());
            }
        });
    }

    private record Saved(SavedAnswer saved, Map<String, String> own, boolean moveOn, Shown next) {
    }

    private String labelOf(String question) {
        return codebook.get().question(question).map(Codebook.Question::label).orElse(question);
    }

    /** "post 3 of 10 (instagram 12345)": which post an answer is for, as the top of the questions shows it. */
    String describe(int index, Post shown) {
        return "post " + (index + 1) + " of " + queue.size() + " (" + shown.platform().key() + " " + shown.externalId() + ")";
    }

    private String stillOpen(Map<String, String> own, boolean hasImages) {
        List<String> open = codebook.get().unanswered(own, hasImages);
        return open.isEmpty() ? " Every question is answered: Enter moves on."
                : " Still open: " + String.join(", ", open) + " (Enter moves on without them).";
    }

    // ---- moving -----------------------------------------------------------------------------------

    /** The next post; the dealer answer is required first (S skips instead). A changed note is saved. */
    public void next() {
        perform(() -> {
            if (post.get() == null) {
                finished();
                return;
            }
            String first = codebook.get().progressQuestion();
            String dealer = answers.get().get(first);
            if (dealer == null) {
                message.set(LabelStore.DEALER.equals(first) ? "Dealer is required: press Y or N (or S to skip this post)."
                        : labelOf(first) + " is required: answer it first (or S to skip this one).");
                finished();
            } else if (changedNote() != null) {
                save(first, dealer, Advance.ALWAYS);
            } else {
                move(position.get() + 1);
            }
        });
    }

    /** The next post without answering this one. */
    public void skip() {
        perform(() -> move(position.get() + 1));
    }

    public void previous() {
        perform(() -> {
            if (position.get() <= 0) {
                message.set("This is the first post of the queue.");
                finished();
            } else {
                move(position.get() - 1);
            }
        });
    }

    private void move(int index) {
        List<Long> ids = queue;
        if (!isCoding() || index < 0 || index > ids.size()) {
            finished();
            return;
        }
        background(() -> loadOrNull(ids, index), shown -> showNext(shown, index));
    }

    /** Takes back the last save (which may have been on an earlier post: that post is shown again). */
    public void undo() {
        perform(() -> {
            SavedAnswer last = undoable.poll();
            if (last == null || !isCoding()) {
                message.set("Nothing to undo.");
                finished();
                return;
            }
            List<Long> ids = queue;
            AnnotationSession mine = session;
            background(() -> {
                SavedAnswer undone = mine.undo(last);
                int index = ids.indexOf(last.postId());
                Post shown = postOf(last.postId());
                return new Undone(undone, new Shown(index, shown, mine.answersOf(last.postId())));
            }, done -> {
                progress.set(progress.get().plus(done.undone().doneDelta()));
                message.set("Undone: " + last.question() + " = " + last.value() + ".");
                show(done.shown());
            });
        });
    }

    private record Undone(SavedAnswer undone, Shown shown) {
    }

    private void showNext(Shown shown, int index) {
        if (shown == null && index >= queue.size()) {
            show(null);
            position.set(queue.size());
            message.set("End of the queue: " + progress.get().done() + " of " + progress.get().total() + " done.");
            return;
        }
        show(shown);
    }

    private void show(Shown shown) {
        if (shown == null) {
            post.set(null);
            answers.set(Map.of());
            note.set("");
            detail.showPost(null);
            position.set(-1);
            answeringFor.set("");
            return;
        }
        // Answers first: when the post changes, its answers are already in place for the listeners.
        answers.set(shown.answers());
        note.set(shown.answers().getOrDefault(Codebook.NOTE, ""));
        position.set(shown.index());
        answeringFor.set("Answers go to " + describe(shown.index(), shown.post()) + " by @" + shown.post().author());
        post.set(shown.post());
        detail.showPost(shown.post());
        prefetch(shown.index() + 1);
    }

    /** Loads the post after the shown one while the coder reads, so the next keystroke finds it ready. */
    private void prefetch(int index) {
        List<Long> ids = queue;
        if (index < 0 || index >= ids.size()) {
            return;
        }
        long id = ids.get(index);
        AnnotationSession mine = session;
        serial.execute(() -> {
            if (session == mine && mine != null && !prefetched.containsKey(id)) {
                try {
                    mine.post(id).ifPresent(p -> prefetched.put(id, p));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "prefetch failed", e);
                }
            }
        });
    }

    // ---- background helpers (session thread) --------------------------------------------------------

    private Shown loadOrNull(List<Long> ids, int index) {
        return index >= 0 && index < ids.size() ? load(ids, index) : null;
    }

    private Shown load(List<Long> ids, int index) {
        long id = ids.get(index);
        return new Shown(index, postOf(id), session.answersOf(id));
    }

    private Post postOf(long id) {
        Post cached = prefetched.remove(id);
        if (cached != null) {
            return cached;
        }
        return session.post(id).orElseThrow(() -> new IllegalStateException("post " + id + " is no longer in the workbench"));
    }

    // ---- ordering of actions (FX thread) ------------------------------------------------------------

    /** Runs {@code action} now, or after the actions before it have finished. Each action ends with {@link #finished()}. */
    private void perform(Runnable action) {
        if (working) {
            waiting.add(action);
            return;
        }
        working = true;
        action.run();
    }

    private void finished() {
        working = false;
        Runnable next = waiting.poll();
        if (next != null) {
            perform(next);
        }
    }

    /** Runs {@code work} on the session's thread, hands its result to {@code then} on the FX thread, then finishes the action. */
    private <T> void background(Callable<T> work, Consumer<T> then) {
        background(work, then, "Not saved: ");
    }

    private <T> void background(Callable<T> work, Consumer<T> then, String failure) {
        int mine = generation;
        Tasks.create(work)
                .onSuccess(result -> {
                    if (mine == generation) {
                        then.accept(result);
                    }
                })
                .onError(error -> {
                    if (mine == generation) {
                        LOG.log(System.Logger.Level.WARNING, "annotation action failed", error);
                        message.set(failure + error.getMessage());
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        finished();
                    }
                })
                .runOn(serial);
    }

    // ---- properties -------------------------------------------------------------------------------

    /** The codebook of the study being coded (the Instagram one unless the link review is chosen). */
    public Codebook codebook() {
        return codebook.get();
    }

    public ReadOnlyObjectProperty<Codebook> codebookProperty() {
        return codebook;
    }

    /** What the coder's queue holds: posts, or the link review's candidates. */
    public ReadOnlyObjectProperty<AnnotationSession.Study> studyProperty() {
        return study;
    }

    /** Whether the workbench has a link review whose candidates can be coded here. */
    /** Whether the open workbench has an expert passphrase; without one, the first expert to sign in sets it. */
    public javafx.beans.property.ReadOnlyBooleanProperty expertPassphraseSetProperty() {
        return expertPassphraseSet;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty linkReviewAvailableProperty() {
        return linkReviewAvailable;
    }

    private Codebook codebookOf(AnnotationSession.Study which) {
        if (which == AnnotationSession.Study.LINK_REVIEW) {
            if (linkCodebook == null) {
                linkCodebook = Codebook.load(org.signalbench.app.LinkReviewService.CODEBOOK);
            }
            return linkCodebook;
        }
        return postsCodebook;
    }

    private void useCodebookOf(AnnotationSession.Study which) {
        Codebook wanted = codebookOf(which);
        if (codebook.get() != wanted) {
            codebook.set(wanted);
        }
    }

    /**
     * Codes {@code which} from now on: the signed-in coder's session is reopened with its codebook
     * and queue (at its first open item); for someone not signed in, the choice applies at Start.
     */
    public void chooseStudy(AnnotationSession.Study which) {
        if (which == null || which == study.get()) {
            return;
        }
        study.set(which);
        Coder coder = signedIn.get();
        if (coder == null || coder.role() != Role.CODER) {
            useCodebookOf(which);
            return;
        }
        Workbench workbench = current.get();
        perform(() -> {
            // Between actions: no save of the old study is under way any more.
            useCodebookOf(which);
            background(() -> {
                closeSession();
                session = AnnotationSession.open(workbench, codebookOf(which), coder.name(), Role.CODER, which);
                return openQueue();
            }, opened -> {
                undoable.clear();
                showQueue(opened);
            }, "Cannot open the queue: ");
        });
    }

    public PostDetailViewModel detail() {
        return detail;
    }

    /** Who is signed in (coder or expert), or null. The agreement and adjudicate views follow it. */
    public ReadOnlyObjectProperty<Coder> signedInProperty() {
        return signedIn;
    }

    public ObservableList<Coder> knownCoders() {
        return knownCoders;
    }

    public ObservableList<String> collections() {
        return collections;
    }

    public ObservableList<String> scoreModels() {
        return scoreModels;
    }

    public StringProperty collectionFilterProperty() {
        return collectionFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public StringProperty scoreModelProperty() {
        return scoreModel;
    }

    /** Highest score or most uncertain first, when the queue follows a model's scores. */
    public ObjectProperty<ScoreOrder> scoreOrderProperty() {
        return scoreOrder;
    }

    public ReadOnlyObjectProperty<Post> postProperty() {
        return post;
    }

    /** The signed-in coder's own answers to the shown post (question to value; the note under "note"). */
    public ReadOnlyObjectProperty<Map<String, String>> answersProperty() {
        return answers;
    }

    /** The note being typed; saved with the next answer. */
    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress;
    }

    /** Index of the shown post in the queue, -1 for none. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position;
    }

    public ReadOnlyIntegerProperty queueSizeProperty() {
        return queueSize;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Move on by itself once every question that applies to the post is answered (else only on Enter). */
    public BooleanProperty advanceWhenCompleteProperty() {
        return advanceWhenComplete;
    }

    /** Fills in the sign-in with a name and role (the last person of the previous run); signs nobody in. */
    public void prefill(String name, Role role) {
        suggested.set(new Coder(0, name, role));
    }

    /** The name and role to fill in, set by {@link #prefill}. */
    public ReadOnlyObjectProperty<Coder> suggestedProperty() {
        return suggested;
    }

    /** The last person who signed in during this run, if any. */
    public java.util.Optional<Coder> lastPerson() {
        return java.util.Optional.ofNullable(lastPerson);
    }

    /** Which post the next answer is saved on: "Answers go to post 3 of 10 (instagram 123) by @someone". */
    public ReadOnlyStringProperty answeringForProperty() {
        return answeringFor;
    }

    public BooleanProperty helpShownProperty() {
        return helpShown;
    }
}
