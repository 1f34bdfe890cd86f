package org.kinship.cases;

import java.util.Optional;

/**
 * System reads of a case's routing facts for the workflow engine's own work (outbox worker, timers, inbox
 * projection), which runs on behalf of no user. Never hand the answer to a user without applying their scope.
 */
public interface CaseRoutingService {

    Optional<CaseRouting> find(String caseId);
}
