package org.signalbench.ui.findings;

import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.signalbench.findings.Table;

/**
 * Shows a findings {@link Table} in a {@link TableView}: one row item per table row (its index),
 * cells formatted as in the exports, numbers right-aligned and sorted as numbers, "Total" rows bold.
 */
final class FindingsTableView {
    private FindingsTableView() {
    }

    /**
     * One row of one table. Equal only to itself: a row of the next table shown is a new item, so
     * the view redraws it (JavaFX skips rows whose item did not change).
     */
    static final class Line {
        private final Table table;
        private final int index;

        Line(Table table, int index) {
            this.table = table;
            this.index = index;
        }

        int index() {
            return index;
        }

        List<Object> cells() {
            return table.rows().get(index);
        }
    }

    /** The width the columns ask for, to size the table beside its charts. */
    static double preferredWidth(TableView<Line> view) {
        return view.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 20;
    }

    static void show(TableView<FindingsTableView.Line> view, Table table) {
        view.getColumns().clear();
        view.getSortOrder().clear();
        if (table == null) {
            view.getItems().clear();
            return;
        }
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            Table.Column spec = table.columns().get(c);
            TableColumn<Line, Object> tc = new TableColumn<>(spec.name());
            tc.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().cells().get(column)));
            tc.setComparator(FindingsTableView::compare);
            tc.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    Line line = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(line == null || repeatsGroup(view, table, column, getIndex()) ? null : table.format(line.index(), column));
                }
            });
            if (spec.numeric()) {
                tc.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            tc.setPrefWidth(spec.numeric() ? Math.max(70, 8.5 * spec.name().length() + 22) : labelWidth(table, c));
            view.getColumns().add(tc);
        }
        view.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                boolean total = !empty && line != null && line.cells().stream().anyMatch("Total"::equals);
                pseudoClassStateChanged(TOTAL, total);
            }
        });
        view.setItems(FXCollections.observableArrayList(IntStream.range(0, table.rows().size()).mapToObj(r -> new Line(table, r)).toList()));
        view.setPlaceholder(new javafx.scene.control.Label("(none)"));
    }

    /**
     * Table 2's layout: a group's name (first column) only on its first row. Only while the table
     * is in its own order; sorted, every row names its group.
     */
    private static boolean repeatsGroup(TableView<FindingsTableView.Line> view, Table table, int column, int index) {
        if (column != 0 || index <= 0 || !view.getSortOrder().isEmpty() || index >= view.getItems().size()
                || table.columns().get(0).numeric()) {
            return false;
        }
        Object here = view.getItems().get(index).cells().get(0);
        Object above = view.getItems().get(index - 1).cells().get(0);
        return here != null && here.equals(above) && table.columns().size() > 2 && isGrouped(table);
    }

    /** Tables whose first column groups rows (drug, category), i.e. its value repeats on neighbouring rows. */
    private static boolean isGrouped(Table table) {
        for (int r = 1; r < table.rows().size(); r++) {
            if (java.util.Objects.equals(table.rows().get(r).get(0), table.rows().get(r - 1).get(0))) {
                return true;
            }
        }
        return false;
    }

    private static final javafx.css.PseudoClass TOTAL = javafx.css.PseudoClass.getPseudoClass("total");

    /** Wide enough for the column's longest text, within reason. */
    private static double labelWidth(Table table, int column) {
        int longest = table.columns().get(column).name().length();
        for (int r = 0; r < table.rows().size(); r++) {
            longest = Math.max(longest, table.format(r, column).length());
        }
        return Math.min(360, Math.max(90, 7.5 * longest + 20));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable ca) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
