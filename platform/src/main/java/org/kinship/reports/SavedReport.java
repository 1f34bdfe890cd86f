package org.kinship.reports;

import java.time.Instant;
import java.util.Set;

/**
 * A report definition saved by {@code ownerId}, visible to them and to every user holding one of
 * {@code sharedWithRoles}. Running it always computes from current data, within the runner's own scope.
 */
public record SavedReport(String id, String name, ReportDefinition definition, ChartType chart, String ownerId,
        String ownerName, Set<String> sharedWithRoles, Instant createdAt, Instant updatedAt, long version) {

    public SavedReport {
        sharedWithRoles = Set.copyOf(sharedWithRoles);
    }
}
