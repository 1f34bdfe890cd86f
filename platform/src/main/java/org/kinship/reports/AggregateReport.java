package org.kinship.reports;

import java.time.Instant;
import java.util.List;

/**
 * One agency's de-identified aggregate report for one month: only category values and figures, no names, ids,
 * dates of birth or other data about a child.
 *
 * @param period the month, {@code yyyy-MM}
 */
public record AggregateReport(String agency, String definitionId, int definitionVersion, String period,
        Instant generatedAt, int suppressionThreshold, List<AggregateCell> cells) {

    public AggregateReport {
        cells = List.copyOf(cells);
    }
}
