package org.signalbench.ui.topics;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.signalbench.app.RetrievedTweet;
import org.signalbench.app.TopicsService;
import org.signalbench.topics.ComparisonTable;
import org.signalbench.topics.TopicComparison;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * The Topics view: the round setup and its job across the top; tabs for the themes (table, tags,
 * names, representative tweets, filters), the retrieved signal tweets, the comparison (table and a
 * measure over K) and the funnel. Keys on the themes table: S signal, N noise, U neutral.
 */
public final class TopicsController {
    private final TopicsViewModel model;
    private final BorderPane view = new BorderPane();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final ComboBox<ComparisonTable.Measure> measureBox = new ComboBox<>();

    public TopicsController(TopicsViewModel model) {
        this.model = model;
        view.setId("topicsView");
        view.setTop(setup());
        TabPane tabs = new TabPane(tab("themesTab", "Themes", themes()), tab("retrievalTab", "Retrieval", retrieval()),
                tab("comparisonTab", "Comparison", comparison()), tab("funnelTab", "Funnel", funnel()));
        tabs.setId("topicsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.setCenter(tabs);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        Label problem = new Label();
        problem.setId("topicsProblem");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(model.problemProperty());
        HBox bar = new HBox(12, status, problem);
        bar.setPadding(new Insets(4, 8, 4, 8));
        view.setBottom(bar);
        model.refresh();
    }

    public Parent view() {
        return view;
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(property);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private javafx.scene.Node setup() {
        ComboBox<String> modelBox = new ComboBox<>();
        modelBox.setId("topicModel");
        modelBox.getItems().setAll(model.models());
        modelBox.valueProperty().bindBidirectional(model.modelProperty());
        Button start = new Button("Start round");
        start.setId("startRound");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.startRound());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTopics");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("topicsProgress");
        progress.setPrefWidth(180);
        Label details = new Label();
        details.setId("topicsJobDetails");
        model.jobProperty().addListener((obs, old, job) -> {
            if (job != null) {
                progress.progressProperty().bind(job.progressProperty());
                details.textProperty().bind(Bindings.concat(job.messageProperty(), "  ", job.detailsProperty()));
            }
        });
        ComboBox<org.signalbench.domain.TopicRun> roundBox = new ComboBox<>(model.rounds());
        roundBox.setId("roundBox");
        roundBox.valueProperty().bindBidirectional(model.selectedRoundProperty());
        roundBox.setCellFactory(list -> new RoundCell());
        roundBox.setButtonCell(new RoundCell());
        FlowPane pane = new FlowPane(8, 6, new Label("Model"), modelBox, new Label("K"),
                field("topicK", model.kProperty(), 4, "Number of themes"),
                new Label("Iterations"), field("topicIterations", model.iterationsProperty(), 5, "0: the model's default"),
                new Label("Seed"), field("topicSeed", model.seedProperty(), 5, "One thread and the same seed repeat a round"),
                new Label("Threads"), field("topicThreads", model.threadsProperty(), 3, "Threads"),
                start, cancel, progress, details, new Label("  Round"), roundBox);
        pane.setPadding(new Insets(8));
        return pane;
    }

    /** A round as "3: btm K=100 on corpus 2 (117,012 tweets)". */
    private static final class RoundCell extends ListCell<org.signalbench.domain.TopicRun> {
        @Override
        protected void updateItem(org.signalbench.domain.TopicRun r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : String.format(Locale.ROOT, "%d: %s K=%d on %s (%,d tweets)", r.id(),
                    r.model(), r.k(), r.corpusId() == null ? "all tweets" : "corpus " + r.corpusId(), r.posts()));
        }
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private javafx.scene.Node themes() {
        TableView<TopicsService.Theme> table = new TableView<>(model.themes());
        table.setId("themesTable");
        table.getColumns().add(column("Theme", TopicsService.Theme::topic, 60));
        table.getColumns().add(column("Size", TopicsService.Theme::size, 70));
        table.getColumns().add(column("Tag", t -> t.tag() == null ? (t.coderTags().isEmpty() ? "" : "disputed") : t.tag(), 80));
        table.getColumns().add(column("Name", t -> t.name() == null ? "" : t.name(), 140));
        table.getColumns().add(column("Coders", t -> t.coderTags().toString().replaceAll("[{}]", ""), 140));
        table.getColumns().add(column("Top words", t -> t.topWords(10), 520));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && model.selectedThemeProperty().get() != now) {
                model.selectedThemeProperty().set(now);
            }
        });
        model.selectedThemeProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnKeyPressed(e -> {
            String tag = e.getCode() == KeyCode.S ? "signal" : e.getCode() == KeyCode.N ? "noise"
                    : e.getCode() == KeyCode.U ? "neutral" : null;
            if (tag != null) {
                model.tagSelected(tag);
                e.consume();
            }
        });
        ContextMenu menu = new ContextMenu();
        for (String tag : org.signalbench.domain.TopicWord.TAGS) {
            MenuItem item = new MenuItem("Tag " + tag);
            item.setId("tag-" + tag);
            item.setOnAction(e -> model.tagSelected(tag));
            menu.getItems().add(item);
        }
        table.setContextMenu(menu);

        TableView<RetrievedTweet> tweets = tweetTable("representativeTable", model.representative());
        TextField name = new TextField();
        name.setId("themeName");
        name.setPromptText("name of the selected theme");
        name.setOnAction(e -> model.nameSelected(name.getText()));
        model.selectedThemeProperty().addListener((obs, old, now) -> name.setText(now == null || now.name() == null ? "" : now.name()));
        Button signal = new Button("Signal (S)");
        signal.setId("tagSignal");
        signal.setOnAction(e -> model.tagSelected("signal"));
        Button noise = new Button("Noise (N)");
        noise.setId("tagNoise");
        noise.setOnAction(e -> model.tagSelected("noise"));
        Button neutral = new Button("Neutral (U)");
        neutral.setOnAction(e -> model.tagSelected("neutral"));
        Button filterNoise = new Button("Drop noise themes' tweets");
        filterNoise.setId("filterNoise");
        filterNoise.setOnAction(e -> model.filterNoise());
        Button dropKeywords = new Button("Drop tweets with");
        dropKeywords.setId("dropKeywords");
        dropKeywords.setOnAction(e -> model.dropKeywords());
        FlowPane tools = new FlowPane(8, 6, new Label("Coder"), field("coderName", model.coderProperty(), 8, "Who tags"),
                signal, noise, neutral, name, new Label("  "), filterNoise, dropKeywords,
                field("dropKeywordsField", model.keywordsProperty(), 12, "Keywords, separated by commas"));
        tools.setPadding(new Insets(6, 8, 6, 8));
        VBox right = new VBox(4, new Label("Representative tweets of the selected theme"), tweets);
        VBox.setVgrow(tweets, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, right);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        BorderPane pane = new BorderPane(split);
        pane.setTop(tools);
        return pane;
    }

    private static TableView<RetrievedTweet> tweetTable(String id, javafx.collections.ObservableList<RetrievedTweet> items) {
        TableView<RetrievedTweet> table = new TableView<>(items);
        table.setId(id);
        table.getColumns().add(column("Tweet", RetrievedTweet::externalId, 110));
        table.getColumns().add(column("Author", RetrievedTweet::author, 110));
        table.getColumns().add(column("1st", RetrievedTweet::firstTopic, 45));
        table.getColumns().add(column("p1", t -> String.format(Locale.ROOT, "%.3f", t.p1()), 60));
        table.getColumns().add(column("2nd", t -> t.secondTopic() < 0 ? "" : Integer.toString(t.secondTopic()), 45));
        table.getColumns().add(column("p2", t -> t.secondTopic() < 0 ? "" : String.format(Locale.ROOT, "%.3f", t.p2()), 60));
        table.getColumns().add(column("Text", t -> t.text().replaceAll("\\s+", " "), 700));
        return table;
    }

    private javafx.scene.Node retrieval() {
        Button retrieve = new Button("Retrieve signal tweets");
        retrieve.setId("retrieve");
        retrieve.setOnAction(e -> model.retrieve());
        Button startReview = new Button("Start a link review from these tweets");
        startReview.setId("startLinkReview");
        startReview.setTooltip(new Tooltip("Keeps the retrieved tweets with links or contact details, collapses retweets "
                + "and identical copies into candidates, and opens them for coding (Annotate, queue: Link review)."));
        startReview.disableProperty().bind(model.canStartLinkReviewProperty().not());
        startReview.setOnAction(e -> model.startLinkReview());
        Label summary = new Label();
        summary.setId("retrievalSummary");
        summary.textProperty().bind(model.retrievalSummaryProperty());
        HBox top = new HBox(12, retrieve, startReview, summary);
        top.setPadding(new Insets(8));
        BorderPane pane = new BorderPane(tweetTable("retrievedTable", model.retrieved()));
        pane.setTop(top);
        return pane;
    }

    private javafx.scene.Node comparison() {
        TableView<TopicComparison.Cell> table = new TableView<>(model.comparisonCells());
        table.setId("comparisonTable");
        table.getColumns().add(column("Model", TopicComparison.Cell::model, 110));
        table.getColumns().add(column("K", TopicComparison.Cell::k, 50));
        table.getColumns().add(column("Runs", TopicComparison.Cell::runs, 50));
        for (ComparisonTable.Measure m : ComparisonTable.MEASURES) {
            TableColumn<TopicComparison.Cell, String> c = new TableColumn<>(m.heading());
            c.setCellValueFactory(cell -> {
                TopicComparison.MeanSd v = cell.getValue().measures().get(m.key());
                String f = "%." + m.decimals() + "f";
                return new ReadOnlyStringWrapper(!Double.isFinite(v.mean()) ? "–" : cell.getValue().runs() > 1
                        ? String.format(Locale.ROOT, f + " ± " + f, v.mean(), v.sd()) : String.format(Locale.ROOT, f, v.mean()));
            });
            c.setPrefWidth(m.key().equals("perplexity") ? 150 : 95);
            table.getColumns().add(c);
        }
        measureBox.setId("measureBox");
        measureBox.getItems().setAll(ComparisonTable.MEASURES);
        measureBox.setCellFactory(list -> new MeasureCell());
        measureBox.setButtonCell(new MeasureCell());
        measureBox.setValue(ComparisonTable.MEASURES.get(0));
        measureBox.valueProperty().addListener((obs, old, now) -> redrawChart());
        model.comparisonCells().addListener((ListChangeListener<TopicComparison.Cell>) c -> redrawChart());
        chart.setId("measureChart");
        chart.setAnimated(false);
        ((NumberAxis) chart.getXAxis()).setLabel("K");
        ((NumberAxis) chart.getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        Button start = new Button("Compare");
        start.setId("startComparison");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.startComparison());
        FlowPane tools = new FlowPane(8, 6, new Label("Models"), field("compareModels", model.compareModelsProperty(), 22,
                "Models, separated by commas"), new Label("K"), field("compareKs", model.compareKsProperty(), 10,
                "Numbers of themes, separated by commas"), new Label("Iterations"),
                field("compareIterations", model.compareIterationsProperty(), 4, "0: each model's default"), start,
                new Label("   Chart"), measureBox);
        tools.setPadding(new Insets(6, 8, 6, 8));
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(model.comparisonSummaryProperty());
        VBox top = new VBox(4, tools, summary);
        top.setPadding(new Insets(0, 8, 4, 8));
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.VERTICAL);
        BorderPane pane = new BorderPane(split);
        pane.setTop(top);
        redrawChart();
        return pane;
    }

    /** A measure by its heading. */
    private static final class MeasureCell extends ListCell<ComparisonTable.Measure> {
        @Override
        protected void updateItem(ComparisonTable.Measure m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : m.heading());
        }
    }

    private void redrawChart() {
        ComparisonTable.Measure m = measureBox.getValue();
        chart.getData().clear();
        if (m == null) {
            return;
        }
        chart.setTitle(m.heading() + " over K (mean over seeds)");
        ((NumberAxis) chart.getYAxis()).setLabel(m.heading());
        for (TopicsViewModel.Series s : model.measureOverK(m.key())) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.model());
            for (double[] p : s.points()) {
                series.getData().add(new XYChart.Data<>(p[0], p[1]));
            }
            chart.getData().add(series);
        }
    }

    private javafx.scene.Node funnel() {
        TableView<TopicsService.FunnelStep> table = new TableView<>(model.funnel());
        table.setId("funnelTable");
        table.getColumns().add(column("Step", s -> s.corpusId() == null ? "all" : "corpus " + s.corpusId(), 90));
        table.getColumns().add(column("Tweets", s -> String.format(Locale.ROOT, "%,d", s.posts()), 100));
        table.getColumns().add(column("Share of all", s -> model.funnel().isEmpty() || model.funnel().get(0).posts() == 0 ? ""
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * s.posts() / model.funnel().get(0).posts()), 100));
        table.getColumns().add(column("What it kept", TopicsService.FunnelStep::label, 520));
        Label note = new Label("Each round runs on the latest step; filters add a step.");
        note.setPadding(new Insets(8));
        BorderPane pane = new BorderPane(table);
        pane.setTop(note);
        return pane;
    }

    /** For tests: the job of the round or comparison under way. */
    JobViewModel job() {
        return model.jobProperty().get();
    }
}
