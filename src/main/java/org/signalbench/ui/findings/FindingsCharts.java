package org.signalbench.ui.findings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import org.signalbench.findings.DrugHashtagTable;
import org.signalbench.findings.Findings;
import org.signalbench.findings.Table;

/**
 * The charts beside a findings table: Table 2 per drug group, hashtag categories, contact channels
 * (coded beside detected), image categories, posts per account, and the weekly timeline. Bars are
 * horizontal because the labels (hashtags, categories) are long.
 */
final class FindingsCharts {
    private static final double ROW_HEIGHT = 22;

    private FindingsCharts() {
    }

    /** One named series of counts, one per label. */
    private record Series(String name, List<Number> values) {
    }

    /** The charts for {@code table} (none for the tables that are lists rather than distributions). */
    static List<XYChart<?, ?>> of(Findings findings, Table table) {
        return switch (table.key()) {
            case "drug-hashtags" -> drugHashtags(findings.drugHashtagCounts());
            case "hashtag-categories" -> List.of(bars("Dealer posts per category (any of its hashtags)", table, rows(table, r -> "Total".equals(cell(table, r, 1))), 0, 2));
            case "contact-channels" -> {
                List<Integer> rows = rows(table, r -> true);
                yield List.of(horizontal("Contact channels: coded and detected", labels(table, rows, 0),
                        List.of(new Series("Coded", numbers(table, rows, 1)), new Series("Detected", numbers(table, rows, 3)))));
            }
            // the last two rows are the base and the contact-note question, not categories
            case "image-categories" -> List.of(bars("Dealer posts per image category", table, rows(table, r -> r < table.rows().size() - 2), 0, 1));
            case "posts-per-account" -> List.of(bars("Dealer accounts by their number of dealer posts", table, rows(table, r -> true), 0, 1));
            case "exchanges" -> List.of(bars("Sell/buy exchanges", table, rows(table, r -> true), 0, 1));
            case "timeline" -> List.of(timeline(table));
            default -> List.of();
        };
    }

    /** The groups' totals (a union of their hashtags) and the posts per hashtag, each group in its own colour. */
    private static List<XYChart<?, ?>> drugHashtags(DrugHashtagTable t) {
        StackedBarChart<Number, String> perGroup = byGroup("Dealer posts per drug group (any of its hashtags)", t,
                g -> List.of(new XYChart.Data<>(g.total().posts(), g.drug())));
        perGroup.setLegendVisible(false);
        StackedBarChart<Number, String> perHashtag = byGroup("Dealer posts per drug hashtag", t,
                g -> g.hashtags().stream().map(h -> new XYChart.Data<Number, String>(h.posts(), h.hashtag())).toList());
        return List.of(perGroup, perHashtag);
    }

    /** One series per drug group, so the default palette gives each group a colour; a stack has one bar per label. */
    private static StackedBarChart<Number, String> byGroup(String title, DrugHashtagTable t,
                                                          Function<DrugHashtagTable.GroupRow, List<XYChart.Data<Number, String>>> bars) {
        CategoryAxis labels = new CategoryAxis();
        StackedBarChart<Number, String> chart = new StackedBarChart<>(countAxis(), labels);
        List<String> categories = new ArrayList<>();
        for (DrugHashtagTable.GroupRow group : t.groups()) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(group.drug());
            for (XYChart.Data<Number, String> bar : bars.apply(group)) {
                series.getData().add(bar);
                categories.add(bar.getYValue());
            }
            chart.getData().add(series);
        }
        labels.setCategories(topDown(categories));
        style(chart, title, categories.size());
        return chart;
    }

    private static BarChart<Number, String> bars(String title, Table t, List<Integer> rows, int labelColumn, int valueColumn) {
        return horizontal(title, labels(t, rows, labelColumn), List.of(new Series(t.columns().get(valueColumn).name(), numbers(t, rows, valueColumn))));
    }

    private static BarChart<Number, String> horizontal(String title, List<String> labels, List<Series> series) {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategories(topDown(labels));
        BarChart<Number, String> chart = new BarChart<>(countAxis(), categories);
        for (Series s : series) {
            XYChart.Series<Number, String> data = new XYChart.Series<>();
            data.setName(s.name());
            for (int i = 0; i < labels.size(); i++) {
                data.getData().add(new XYChart.Data<>(s.values().get(i), labels.get(i)));
            }
            chart.getData().add(data);
        }
        chart.setLegendVisible(series.size() > 1);
        chart.setCategoryGap(series.size() > 1 ? 6 : 4);
        chart.setBarGap(1);
        style(chart, title, labels.size() * series.size());
        return chart;
    }

    /** Dealer posts per ISO week; the undated posts are left out of the line. */
    private static LineChart<String, Number> timeline(Table t) {
        CategoryAxis weeks = new CategoryAxis();
        weeks.setTickLabelRotation(-60);
        NumberAxis posts = new NumberAxis();
        posts.setLabel("Dealer posts");
        posts.setMinorTickVisible(false);
        LineChart<String, Number> chart = new LineChart<>(weeks, posts);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("Dealer posts per week");
        for (int r : rows(t, r -> !"no date".equals(cell(t, r, 0)))) {
            series.getData().add(new XYChart.Data<>(String.valueOf(cell(t, r, 0)), (Number) cell(t, r, 2)));
        }
        chart.getData().add(series);
        chart.setLegendVisible(false);
        chart.setTitle("Dealer posts per ISO week");
        chart.setAnimated(false);
        chart.setMinHeight(320);
        chart.setPrefHeight(360);
        chart.getStyleClass().add("findings-chart");
        return chart;
    }

    /** Categories for a vertical axis, which draws the first at the bottom: reversed, so the first row is on top; once each. */
    private static javafx.collections.ObservableList<String> topDown(List<String> labels) {
        List<String> once = new ArrayList<>(new java.util.LinkedHashSet<>(labels));
        Collections.reverse(once);
        return FXCollections.observableArrayList(once);
    }

    private static NumberAxis countAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setMinorTickVisible(false);
        axis.setForceZeroInRange(true);
        return axis;
    }

    private static void style(XYChart<?, ?> chart, String title, int bars) {
        chart.setTitle(title);
        chart.setAnimated(false);
        double height = 90 + ROW_HEIGHT * Math.max(bars, 2);
        chart.setMinHeight(height);
        chart.setPrefHeight(height);
        chart.getStyleClass().add("findings-chart");
    }

    private static Object cell(Table t, int row, int column) {
        return t.rows().get(row).get(column);
    }

    private static List<Integer> rows(Table t, IntPredicate keep) {
        return IntStream.range(0, t.rows().size()).filter(keep).boxed().toList();
    }

    private static List<String> labels(Table t, List<Integer> rows, int column) {
        return rows.stream().map(r -> String.valueOf(cell(t, r, column))).toList();
    }

    private static List<Number> numbers(Table t, List<Integer> rows, int column) {
        return rows.stream().map(r -> cell(t, r, column) instanceof Number n ? n : (Number) 0).toList();
    }
}
