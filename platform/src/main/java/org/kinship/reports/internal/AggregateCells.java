package org.kinship.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kinship.reports.AggregateCategory;
import org.kinship.reports.AggregateCell;
import org.kinship.reports.ReportResult;

/**
 * Turns one category's counts into published cells: shares in percent of the category's total (one decimal),
 * counts from 1 to threshold - 1 suppressed, and when that leaves exactly one suppressed cell in a category the
 * next smallest count suppressed too (complementary suppression), so that no suppressed count can be worked
 * out from the others and a total published elsewhere. A percentages-only category publishes no counts.
 */
final class AggregateCells {

    private AggregateCells() {
    }

    static List<AggregateCell> cells(AggregateCategory category, ReportResult result, int threshold) {
        BigDecimal total = result.total();
        List<Raw> raws = new ArrayList<>();
        for (ReportResult.Row row : result.rows()) {
            raws.add(new Raw(row.header().keys().getFirst(), row.header().labels().getFirst(),
                    row.cells().getFirst().longValueExact()));
        }
        boolean[] suppressed = new boolean[raws.size()];
        int count = 0;
        for (int i = 0; i < raws.size(); i++) {
            long n = raws.get(i).count();
            if (n > 0 && n < threshold) {
                suppressed[i] = true;
                count++;
            }
        }
        if (count == 1) {
            raws.stream().filter(r -> r.count() > 0 && !suppressed[raws.indexOf(r)])
                    .min(Comparator.comparingLong(Raw::count)).ifPresent(r -> suppressed[raws.indexOf(r)] = true);
        }
        List<AggregateCell> cells = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            BigDecimal percent = total.signum() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(raw.count()).multiply(BigDecimal.valueOf(100))
                            .divide(total, 1, RoundingMode.HALF_UP);
            cells.add(new AggregateCell(category.id(), raw.value(), raw.label(),
                    suppressed[i] || category.percentagesOnly() ? null : raw.count(),
                    suppressed[i] ? null : percent, suppressed[i]));
        }
        return cells;
    }

    private record Raw(String value, String label, long count) {
    }
}
