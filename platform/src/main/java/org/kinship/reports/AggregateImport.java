package org.kinship.reports;

import java.time.Instant;
import java.util.List;

/**
 * Agencies' aggregate files imported together by a coordination body: all of them or none were stored.
 */
public record AggregateImport(String id, String definitionId, int definitionVersion, String period,
        Instant importedAt, String importedBy, List<AgencyFile> files) {

    public AggregateImport {
        files = List.copyOf(files);
    }

    /** One agency's file as read: its name, the agency it declares and its cells. */
    public record AgencyFile(String fileName, String agency, String sha256, List<AggregateCell> cells) {
        public AgencyFile {
            cells = List.copyOf(cells);
        }
    }
}
