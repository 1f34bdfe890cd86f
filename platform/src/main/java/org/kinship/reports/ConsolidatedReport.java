package org.kinship.reports;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The sum of the agencies' imported files for one definition version and month, each figure traceable to the
 * agency files it came from (the latest import of each agency counts).
 */
public record ConsolidatedReport(String definitionId, int definitionVersion, String period, List<String> agencies,
        List<Cell> cells) {

    public ConsolidatedReport {
        agencies = List.copyOf(agencies);
        cells = List.copyOf(cells);
    }

    /**
     * One consolidated figure: the sum of the agencies' published counts ({@code null} for a percentages-only
     * category, which cannot be added up), whether some agency suppressed its count (then the sum is a lower
     * bound), and where each part came from.
     */
    public record Cell(String category, String value, String label, @Nullable Long total, boolean includesSuppressed,
            boolean percentagesOnly, List<Source> sources) {
        public Cell {
            sources = List.copyOf(sources);
        }
    }

    /** One agency file's part of a figure. */
    public record Source(String agency, String importId, String fileName, @Nullable Long count,
            @Nullable BigDecimal percent, boolean suppressed) {
    }
}
