package org.kinship.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One row of a case list, as the search index holds it (no MongoDB read needed). */
public record CaseSummary(String id, String caseNumber, String module, String name, @Nullable String sex,
        @Nullable Integer age, CaseStatus status, String riskLevel, String ownerId, @Nullable String agencyCode,
        @Nullable String location, Instant registeredAt, Instant updatedAt, int openFlags, long version) {
}
