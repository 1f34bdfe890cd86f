package org.kinship.reports;

import java.util.List;

/**
 * What a pivot report computes: for the cases of {@code module}, the {@code measure} per combination of the
 * {@code rows} and {@code columns} groupings, over the records passing every filter. A case with several
 * values in a multiple-choice field counts once under each value; totals count each record once.
 */
public record ReportDefinition(String module, List<ReportDimension> rows, List<ReportDimension> columns,
        List<ReportFilter> filters, ReportMeasure measure) {

    public ReportDefinition {
        rows = rows == null ? List.of() : List.copyOf(rows);
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
        measure = measure == null ? ReportMeasure.COUNT : measure;
    }
}
