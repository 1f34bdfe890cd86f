package org.kinship.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A computed pivot table. {@code rows} and {@code columns} are in display order; each row holds one cell per
 * column (a report without columns has a single column). Totals count each record once, so with a
 * multiple-choice grouping they may be less than the sum of the cells.
 *
 * @param rowFields    the labels of the row groupings
 * @param columnFields the labels of the column groupings
 * @param unit         {@code case}, or the repeating group whose items were counted
 * @param records      how many records (cases or items) passed the filters
 */
public record ReportResult(String module, List<String> rowFields, List<String> columnFields, List<Header> columns,
        List<Row> rows, List<BigDecimal> columnTotals, BigDecimal total, ReportMeasure measure, String unit,
        long records, Instant computedAt) {

    public ReportResult {
        rowFields = List.copyOf(rowFields);
        columnFields = List.copyOf(columnFields);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        columnTotals = List.copyOf(columnTotals);
    }

    /** The values of a row or column: the stored codes and their labels in the requested language. */
    public record Header(List<String> keys, List<String> labels) {
        public Header {
            keys = List.copyOf(keys);
            labels = List.copyOf(labels);
        }
    }

    /** One row: its header, a cell per column and its total. */
    public record Row(Header header, List<BigDecimal> cells, BigDecimal total) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
