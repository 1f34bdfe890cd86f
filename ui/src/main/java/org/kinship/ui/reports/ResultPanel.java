package org.kinship.ui.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.kinship.reports.ChartType;
import org.kinship.reports.ReportResult;
import org.kinship.ui.components.Chart;

/** A report result as a table with row and column totals, and as a chart of the chosen type. */
class ResultPanel extends VerticalLayout {

    final Grid<List<String>> table = new Grid<>();
    final Chart chart = new Chart();
    private final Span summary = new Span();

    ResultPanel() {
        setId("report-result");
        setPadding(false);
        table.setId("report-table");
        table.setAllRowsVisible(true);
        chart.setId("report-chart");
        summary.setId("report-summary");
        add(summary, table, chart);
        setVisible(false);
    }

    void show(ReportResult result, ChartType type, String title) {
        table.removeAllColumns();
        int labels = result.rowFields().size();
        for (int i = 0; i < labels; i++) {
            int index = i;
            table.addColumn(row -> row.get(index)).setHeader(result.rowFields().get(i)).setFrozen(true);
        }
        for (int c = 0; c < result.columns().size(); c++) {
            int index = labels + c;
            table.addColumn(row -> row.get(index)).setHeader(String.join(" / ", result.columns().get(c).labels()));
        }
        int totalIndex = labels + result.columns().size();
        table.addColumn(row -> row.get(totalIndex)).setHeader(getTranslation("reports.measure.total"));
        List<List<String>> rows = new ArrayList<>();
        for (ReportResult.Row row : result.rows()) {
            List<String> line = new ArrayList<>(row.header().labels());
            row.cells().forEach(cell -> line.add(cell.toPlainString()));
            line.add(row.total().toPlainString());
            rows.add(line);
        }
        List<String> totals = new ArrayList<>();
        totals.add(getTranslation("reports.measure.total"));
        for (int i = 1; i < labels; i++) {
            totals.add("");
        }
        result.columnTotals().forEach(t -> totals.add(t.toPlainString()));
        totals.add(result.total().toPlainString());
        rows.add(totals);
        table.setItems(rows);
        summary.setText(getTranslation("reports.ui.summary", result.records(), "case".equals(result.unit())
                ? getTranslation("reports.ui.unit.case") : result.unit()));
        chart.show(chartType(type), title, result.rows().stream()
                .map(r -> String.join(" / ", r.header().labels())).toList(), series(result, type));
        setVisible(true);
    }

    private static List<Chart.Series> series(ReportResult result, ChartType type) {
        List<Chart.Series> series = new ArrayList<>();
        if (type == ChartType.PIE || result.columnFields().isEmpty()) {
            series.add(new Chart.Series(result.columns().isEmpty() ? "" : String.join(" / ",
                    result.columns().getFirst().labels()), result.rows().stream().map(ReportResult.Row::total)
                    .map(BigDecimal::doubleValue).toList()));
            return series;
        }
        for (int c = 0; c < result.columns().size(); c++) {
            int index = c;
            series.add(new Chart.Series(String.join(" / ", result.columns().get(c).labels()), result.rows().stream()
                    .map(r -> r.cells().get(index).doubleValue()).toList()));
        }
        return series;
    }

    private static Chart.Type chartType(ChartType type) {
        return switch (type) {
            case BAR -> Chart.Type.BAR;
            case STACKED_BAR -> Chart.Type.STACKED_BAR;
            case LINE -> Chart.Type.LINE;
            case PIE -> Chart.Type.PIE;
        };
    }

    List<List<String>> shownRows() {
        return table.getGenericDataView().getItems().toList();
    }
}
