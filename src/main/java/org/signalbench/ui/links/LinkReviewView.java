package org.signalbench.ui.links;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.signalbench.app.LinkReviewService;
import org.signalbench.links.ReportPacket;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;

/**
 * The link review (the study's wireframe, built): the funnel's figures on top, the sites of the
 * latest review on the left (live first), and for the selected site its screenshot, evidence,
 * registration and LegitScript data, the tweets (masked), and a Report button that writes the FDA
 * and DEA packets for it. Keyboard: arrows move through the sites, Enter on Report writes.
 */
public final class LinkReviewView {
    private final CurrentWorkbench current;
    private final Executor executor;
    private final LinkReviewService service;
    private final BorderPane root = new BorderPane();
    private final Label funnel = new Label("No link review yet: run `twitter candidates` on a retrieval.");
    private final ListView<LinkReviewService.SiteSummary> sites = new ListView<>();
    private final ImageView screenshot = new ImageView();
    private final GridPane evidence = new GridPane();
    private final ListView<String> tweets = new ListView<>();
    private final Button report = new Button("Report…");
    private final Label status = new Label();
    private ReportPacket.Site shown;

    public LinkReviewView(CurrentWorkbench current, Executor executor, LinkReviewService service) {
        this.current = current;
        this.executor = executor;
        this.service = service;
        funnel.setId("linkFunnel");
        funnel.setWrapText(true);
        sites.setId("linkSites");
        report.setId("linkReport");
        status.setId("linkStatus");
        evidence.setId("linkEvidence");
        screenshot.setId("linkScreenshot");
        evidence.setHgap(12);
        evidence.setVgap(4);
        screenshot.setFitWidth(480);
        screenshot.setPreserveRatio(true);
        sites.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LinkReviewService.SiteSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.domain() + "  ·  " + s.sellerType() + (s.live() ? "  ·  live" : "  ·  not live")
                        + ("not-checked".equals(s.legitScript()) ? "" : "  ·  " + s.legitScript()));
            }
        });
        sites.getSelectionModel().selectedItemProperty().addListener((o, was, site) -> show(site));
        report.setDisable(true);
        report.setOnAction(e -> writePacket());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        VBox detail = new VBox(10, new Label("Screenshot"), screenshot, new Label("Evidence"), evidence,
                new Label("Tweets (masked)"), tweets, new HBox(10, report, status));
        detail.setPadding(new Insets(10));
        tweets.setPrefHeight(160);
        SplitPane split = new SplitPane(sites, new ScrollPane(detail));
        split.setDividerPositions(0.33);
        HBox top = new HBox(10, funnel, refresh);
        top.setPadding(new Insets(10));
        root.setTop(top);
        root.setCenter(split);
        current.workbenchProperty().addListener((o, was, now) -> refresh());
        current.revisionProperty().addListener((o, was, now) -> refresh());
        if (current.get() != null) {
            refresh();
        }
    }

    public Node view() {
        return root;
    }

    private void refresh() {
        Workbench wb = current.get();
        if (wb == null) {
            return;
        }
        Tasks.create(() -> service.overview(wb)).onSuccess(overview -> {
            if (overview == null) {
                sites.getItems().clear();
                return;
            }
            var f = overview.figures();
            funnel.setText(String.format(java.util.Locale.ROOT,
                    "retrieved %d (%.2f%% of %,d) → with links or contacts %d → unique %d → live %d from %d accounts · %s · "
                            + "LegitScript among live pharmacy tweets %s", f.retrieved(), 100 * f.share(), f.workbenchTweets(),
                    f.withLinksOrContacts(), f.unique(), f.live(), f.liveAccounts(), f.liveByType(),
                    f.legitScriptAmongLivePharmacyTweets()));
            sites.setItems(FXCollections.observableArrayList(overview.sites()));
            if (!sites.getItems().isEmpty()) {
                sites.getSelectionModel().select(0);
            }
        }).onError(e -> funnel.setText("Cannot read the link review: " + e.getMessage())).runOn(executor);
    }

    private void show(LinkReviewService.SiteSummary site) {
        report.setDisable(site == null);
        if (site == null) {
            return;
        }
        Workbench wb = current.get();
        Tasks.create(() -> service.sites(wb, List.of(site.domain())).get(0)).onSuccess(s -> {
            shown = s;
            Map<String, String> v = ReportPacket.values(s, true);
            Map<String, String> rows = new LinkedHashMap<>();
            for (String key : List.of("site_url", "final_url", "http_status", "liveness", "checked_at", "title", "registrar",
                    "registrant_country", "domain_created", "ip", "legitscript", "seller_type", "products", "payment",
                    "screenshot_sha256", "snapshot_sha256", "notes")) {
                rows.put(key.replace('_', ' '), v.get(key));
            }
            evidence.getChildren().clear();
            int r = 0;
            for (var e : rows.entrySet()) {
                Label value = new Label(e.getValue());
                value.setWrapText(true);
                value.setMaxWidth(520);
                evidence.addRow(r++, new Label(e.getKey()), value);
            }
            tweets.setItems(FXCollections.observableArrayList(v.get("tweets").lines().toList()));
            screenshot.setImage(null);
            try {
                if (s.screenshot() != null && Files.isRegularFile(s.screenshot())) {
                    screenshot.setImage(new Image(new ByteArrayInputStream(Files.readAllBytes(s.screenshot()))));
                } else {
                    status.setText(s.screenshot() == null ? "No screenshot recorded." : "The screenshot file is missing: " + s.screenshot());
                }
            } catch (java.io.IOException ex) {
                status.setText("cannot read the screenshot: " + ex.getMessage());
            }
        }).onError(e -> status.setText(e.getMessage())).runOn(executor);
    }

    private void writePacket() {
        if (shown == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the FDA and DEA packets of " + shown.domain());
        var folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (folder != null) {
            writePacketTo(folder.toPath());
        }
    }

    /** Writes the selected site's packets (masked) into {@code folder}; the Report button asks for the folder first. */
    public void writePacketTo(Path folder) {
        Workbench wb = current.get();
        String domain = shown.domain();
        Tasks.create(() -> service.writePacket(wb, List.of(domain), List.of("fda", "dea"), folder, true))
                .onSuccess(p -> status.setText("Packets for " + domain + " written to " + folder + " (" + p.files().size()
                        + " files). Submit them on the agencies' forms, then record the reference."))
                .onError(e -> status.setText("Cannot write the packet: " + e.getMessage())).runOn(executor);
    }
}
