package org.signalbench.ui.findings;

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

    static void show(TableView<Integer> view, Table table) {
        view.getColumns().clear();
        view.getSortOrder().clear();
        if (table == null) {
            view.getItems().clear();
            return;
        }
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            Table.Column spec = table.columns().get(c);
            TableColumn<Integer, Object> tc = new TableColumn<>(spec.name());
            tc.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(table.rows().get(row.getValue()).get(column)));
            tc.setComparator(FindingsTableView::compare);
            tc.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    Integer row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(row == null ? null : table.format(row, column));
                }
            });
            if (spec.numeric()) {
                tc.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            tc.setPrefWidth(spec.numeric() ? 90 : Math.max(120, 9 * spec.name().length()));
            view.getColumns().add(tc);
        }
        view.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                boolean total = !empty && row != null && table.rows().get(row).stream().anyMatch("Total"::equals);
                pseudoClassStateChanged(TOTAL, total);
            }
        });
        view.setItems(FXCollections.observableArrayList(IntStream.range(0, table.rows().size()).boxed().toList()));
        view.setPlaceholder(new javafx.scene.control.Label("(none)"));
    }

    private static final javafx.css.PseudoClass TOTAL = javafx.css.PseudoClass.getPseudoClass("total");

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
