package org.kinship.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kinship.reports.AggregateCategory;
import org.kinship.reports.AggregateCell;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateImport;
import org.kinship.reports.ConsolidatedReport;

/**
 * Adds up the latest file of each agency, cell by cell, in the definition's category order; every figure
 * lists the agency files (import id and file name) it came from.
 */
final class Consolidation {

    private Consolidation() {
    }

    static ConsolidatedReport of(AggregateDefinition definition, String period, List<AggregateImport> imports) {
        Map<String, FileRef> latest = new TreeMap<>();
        for (AggregateImport imported : imports) {
            for (AggregateImport.AgencyFile file : imported.files()) {
                latest.put(file.agency(), new FileRef(imported.id(), file));
            }
        }
        List<ConsolidatedReport.Cell> cells = new ArrayList<>();
        for (AggregateCategory category : definition.categories()) {
            Map<String, List<ConsolidatedReport.Source>> sources = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            latest.values().forEach(ref -> ref.file().cells().stream()
                    .filter(cell -> cell.category().equals(category.id())).forEach(cell -> {
                        labels.putIfAbsent(cell.value(), cell.label());
                        sources.computeIfAbsent(cell.value(), v -> new ArrayList<>()).add(source(ref, cell));
                    }));
            sources.forEach((value, parts) -> {
                boolean suppressed = parts.stream().anyMatch(ConsolidatedReport.Source::suppressed);
                Long total = category.percentagesOnly() ? null
                        : parts.stream().filter(p -> p.count() != null).mapToLong(ConsolidatedReport.Source::count).sum();
                cells.add(new ConsolidatedReport.Cell(category.id(), value, labels.get(value), total, suppressed,
                        category.percentagesOnly(), parts));
            });
        }
        return new ConsolidatedReport(definition.id(), definition.version(),
                period, List.copyOf(latest.keySet()), cells);
    }

    private static ConsolidatedReport.Source source(FileRef ref, AggregateCell cell) {
        return new ConsolidatedReport.Source(ref.file().agency(), ref.importId(), ref.file().fileName(), cell.count(),
                cell.percent(), cell.suppressed());
    }

    private record FileRef(String importId, AggregateImport.AgencyFile file) {
    }
}
