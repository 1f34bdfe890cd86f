package org.kinship.tasks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One user task of a case's process as the inbox shows it, mirrored from the workflow engine into MongoDB.
 * Names and section data of the child are not copied here; the inbox reads them from the case under the
 * user's scope.
 *
 * @param formKey        the task's BPMN form key: a section id, or {@code approval:<section>}
 * @param section        the case section the task opens ({@code formKey} without {@code approval:})
 * @param approval       whether this is a supervisor's approval (approve / send back)
 * @param assignee       the user id the task is assigned to, if any
 * @param candidateRoles the task's candidate groups when it has no assignee: role ids, or
 *                       {@code agency:<code>} ({@link #agencyCandidate}) for a record task offered to an agency
 * @param ownerId        the case's owner (the scope fields follow the case: owner, assigned, groups, agency)
 * @param riskRank       0 high, 1 medium, 2 low, 3 anything else (the secondary sort key)
 * @param overdue        the task's overdue timer fired while it was open
 */
public record InboxTask(String id, String caseId, @Nullable String caseNumber, String processInstanceId,
        String taskDefinitionKey, @Nullable String name, @Nullable String formKey, @Nullable String section,
        boolean approval, @Nullable String assignee, List<String> candidateRoles, @Nullable String ownerId,
        List<String> assignedIds, List<String> groupIds, @Nullable String agencyCode, @Nullable Instant due,
        String riskLevel, int riskRank, TaskState state, boolean overdue, Instant createdAt,
        @Nullable Instant completedAt, @Nullable String completedBy) {

    public InboxTask {
        candidateRoles = List.copyOf(candidateRoles);
        assignedIds = List.copyOf(assignedIds);
        groupIds = List.copyOf(groupIds);
    }

    /** Candidate group prefix of a record task offered to every user of an agency who may act on it. */
    public static final String AGENCY_CANDIDATE_PREFIX = "agency:";

    /** The candidate group that offers a record task to {@code agencyCode}. */
    public static String agencyCandidate(String agencyCode) {
        return AGENCY_CANDIDATE_PREFIX + agencyCode;
    }

    /** Whether this is an unassigned record task offered to {@code agencyCode}. */
    public boolean offeredToAgency(@Nullable String agencyCode) {
        return agencyCode != null && assignee == null && recordTask()
                && candidateRoles.contains(agencyCandidate(agencyCode));
    }

    /** A task of another feature's record process (form key {@code record:<kind>}), e.g. a referral response. */
    public boolean recordTask() {
        return formKey != null && formKey.startsWith("record:");
    }

    public static int riskRank(@Nullable String riskLevel) {
        return switch (riskLevel == null ? "" : riskLevel) {
            case "high" -> 0;
            case "medium" -> 1;
            case "low" -> 2;
            default -> 3;
        };
    }
}
