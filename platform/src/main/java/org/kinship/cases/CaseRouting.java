package org.kinship.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the workflow engine and the task inbox need to know about a case to route its work: who owns it, where it
 * belongs, how urgent it is. No child data beyond the risk level (names and section data stay in the case file,
 * read under the user's scope).
 */
public record CaseRouting(String id, String caseNumber, String module, CaseStatus status, String riskLevel,
        String ownerId, List<String> assignedIds, List<String> groupIds, @Nullable String agencyCode,
        Instant registeredAt, long version) {

    public CaseRouting {
        assignedIds = List.copyOf(assignedIds);
        groupIds = List.copyOf(groupIds);
    }

    public static CaseRouting of(CaseFile file) {
        return new CaseRouting(file.id(), file.caseNumber(), file.module(), file.status(), file.riskLevel(),
                file.ownerId(), file.assignedIds(), file.groupIds(), file.agencyCode(), file.registeredAt(),
                file.version());
    }
}
