package org.kinship.cases;

import java.util.List;

/** The workflow commands waiting in case documents (see {@link WorkflowCommand} for the contract). */
public interface CaseOutbox {

    /** Up to {@code limit} pending commands, oldest cases first. */
    List<WorkflowCommand> pending(int limit);

    /** The commands still waiting in one case (read by its id: no scan of the other cases). */
    List<WorkflowCommand> pendingOf(String caseId);

    /** Removes an applied command from its case; removing one already gone does nothing. */
    void acknowledge(String caseId, String commandId);
}
