package org.kinship.reports;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseStatus;

/**
 * A case list to export: the cases of {@code module} matching the filters (as the case list filters them),
 * one row per case with the chosen {@code fields} (report field paths, including free text; or
 * {@code @caseNumber}, {@code @status}, {@code @riskLevel}, {@code @agency}, {@code @registeredAt}).
 *
 * @param reason why identifying or sensitive fields are exported; required when any is chosen
 */
public record CaseExportRequest(String module, List<String> fields, @Nullable CaseStatus status,
        @Nullable String riskLevel, @Nullable String location, @Nullable LocalDate registeredFrom,
        @Nullable LocalDate registeredTo, @Nullable ExportFormat format, @Nullable String reason) {

    public CaseExportRequest {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
