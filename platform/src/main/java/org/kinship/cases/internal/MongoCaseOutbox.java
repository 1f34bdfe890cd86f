package org.kinship.cases.internal;

import java.util.List;

import org.kinship.cases.CaseOutbox;
import org.kinship.cases.WorkflowCommand;
import org.springframework.stereotype.Component;

/** The outbox arrays of the case documents. */
@Component
class MongoCaseOutbox implements CaseOutbox {

    private final MongoCaseFileRepository cases;

    MongoCaseOutbox(MongoCaseFileRepository cases) {
        this.cases = cases;
    }

    @Override
    public List<WorkflowCommand> pending(int limit) {
        return cases.pendingCommands(limit);
    }

    @Override
    public List<WorkflowCommand> pendingOf(String caseId) {
        return cases.pendingCommandsOf(caseId);
    }

    @Override
    public void acknowledge(String caseId, String commandId) {
        cases.removeCommand(caseId, commandId);
    }
}
