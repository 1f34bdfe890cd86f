package org.kinship.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case was registered. {@code workflowCommandId} names the {@code startWorkflow} outbox command stored in
 * the same write (null when the module starts no workflow).
 */
public record CaseRegistered(String caseId, String caseNumber, String module, @Nullable String agencyCode,
        @Nullable String workflowCommandId, long version, String by, Instant at) implements CaseEvent {
}
