package org.kinship.workflow.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseSectionValidator;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionValidation;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskNotFoundException;
import org.kinship.tasks.TaskProjection;
import org.kinship.tasks.TaskState;
import org.kinship.tasks.TaskWorkService;
import org.kinship.workflow.WorkflowRequestRefusedException;
import org.kinship.workflow.WorkflowRequestRefusedException.Reason;
import org.springframework.stereotype.Service;

/**
 * Completing, approving and sending back tasks. The task is first looked up in the inbox under the user's scope
 * (outside it: not found), then in the engine. A worker task completes only when its case section is filled and
 * valid against the section's published form.
 */
@Service
class FlowableTaskWorkService implements TaskWorkService {

    /** The decisions a worker may hand to the process (docs/workflows.md, variable contract). */
    static final Set<String> WORKER_VARIABLES = Set.of("continueFollowUp");
    static final int MAX_COMMENT = 4000;
    /** The section whose approval closes the case file (docs/workflows.md). */
    static final String CLOSURE_SECTION = "closure";
    /** The closure section's reason field (the standard closure form's). */
    static final String CLOSURE_REASON = "closure_reason";
    /** The reason recorded when neither the closure section nor the approval gave one. */
    static final String CLOSURE_APPROVED = "closure_approved";

    private final TaskInboxService inbox;
    private final TaskService tasks;
    private final TaskProjection projection;
    private final ProcessSync sync;
    private final CaseFileService cases;
    private final RecordModuleService modules;
    private final CaseSectionValidator validator;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Supervisors supervisors;
    private final Clock clock;

    FlowableTaskWorkService(TaskInboxService inbox, TaskService tasks, TaskProjection projection, ProcessSync sync,
            CaseFileService cases, RecordModuleService modules, CaseSectionValidator validator,
            PermissionService permissions, AuditLog audit, Supervisors supervisors, Clock clock) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.projection = projection;
        this.sync = sync;
        this.cases = cases;
        this.modules = modules;
        this.validator = validator;
        this.permissions = permissions;
        this.audit = audit;
        this.supervisors = supervisors;
        this.clock = clock;
    }

    @Override
    public InboxTask complete(KinshipUser user, String taskId, Map<String, Object> variables, Locale locale) {
        InboxTask task = open(user, taskId);
        if (task.approval()) {
            throw new WorkflowRequestRefusedException(Reason.CONFLICT, "tasks.approvalNeedsDecision");
        }
        requireTakeable(user, task);
        for (String name : variables.keySet()) {
            if (!WORKER_VARIABLES.contains(name)) {
                throw new WorkflowRequestRefusedException(Reason.BAD_REQUEST, "tasks.variable.unknown", name);
            }
        }
        if (task.section() != null) {
            requireValidSection(user, task, locale);
        }
        return finish(user, task, new HashMap<>(variables), "complete");
    }

    @Override
    public InboxTask approve(KinshipUser user, String taskId, @Nullable String comment) {
        return decide(user, taskId, true, comment);
    }

    @Override
    public InboxTask reject(KinshipUser user, String taskId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "tasks.comment.required");
        }
        return decide(user, taskId, false, comment);
    }

    private InboxTask decide(KinshipUser user, String taskId, boolean approved, @Nullable String comment) {
        InboxTask task = open(user, taskId);
        if (!task.approval()) {
            throw new WorkflowRequestRefusedException(Reason.CONFLICT, "tasks.notAnApproval");
        }
        if (!permissions.scopeFor(user, Resource.CASE, Action.APPROVE).permits(task.ownerId(), task.assignedIds(),
                task.groupIds(), task.agencyCode())) {
            throw permissions.deny(user, Resource.CASE, Action.APPROVE, task.caseId(), "missing_permission");
        }
        requireTakeable(user, task);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "tasks.comment.tooLong", MAX_COMMENT);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", approved);
        if (comment != null && !comment.isBlank()) {
            variables.put("reviewComment", comment.strip());
        }
        InboxTask decided = finish(user, task, variables, approved ? "approve" : "reject");
        supervisors.approvalDecided(task, approved);
        if (approved && CLOSURE_SECTION.equals(task.section())) {
            closeCase(user, task, comment);
        }
        return decided;
    }

    /**
     * The supervisor approved the closure ({@code approval:closure}): the case file is closed as that supervisor,
     * with the closure reason of the closure section ({@value #CLOSURE_REASON}; the approval comment when the
     * section has none). A case that is already closed stays as it is, so a repeated approval changes nothing.
     */
    private void closeCase(KinshipUser user, InboxTask task, @Nullable String comment) {
        CaseFile file = cases.get(user, task.caseId());
        if (!file.isOpen()) {
            return;
        }
        Object reason = file.section(CLOSURE_SECTION).map(section -> section.data().get(CLOSURE_REASON))
                .orElse(null);
        String why = reason instanceof String text && !text.isBlank() ? text.strip()
                : comment != null && !comment.isBlank() ? comment.strip() : CLOSURE_APPROVED;
        try {
            cases.close(user, task.caseId(), null, why);
        } catch (CaseRequestRefusedException e) {
            // closed meanwhile by someone else: the case is where the approval wanted it
            if (cases.get(user, task.caseId()).isOpen()) {
                throw e;
            }
        }
    }

    private InboxTask open(KinshipUser user, String taskId) {
        InboxTask task = inbox.get(user, taskId);
        if (task.state() != TaskState.OPEN) {
            throw new WorkflowRequestRefusedException(Reason.CONFLICT, "tasks.notOpen");
        }
        return task;
    }

    /** The assignee, or when there is none, a holder of one of the candidate roles. */
    private static void requireTakeable(KinshipUser user, InboxTask task) {
        boolean mine = user.id().equals(task.assignee())
                || (task.assignee() == null && task.candidateRoles().stream().anyMatch(user::hasRole));
        if (!mine) {
            throw new WorkflowRequestRefusedException(Reason.FORBIDDEN, "tasks.notYours");
        }
    }

    private void requireValidSection(KinshipUser user, InboxTask task, Locale locale) {
        CaseFile file = cases.get(user, task.caseId());
        RecordModule module = modules.find(file.module()).orElseThrow(
                () -> new WorkflowRequestRefusedException(Reason.INVALID, "tasks.section.unknown", task.section()));
        ModuleSection section = module.section(task.section()).orElseThrow(
                () -> new WorkflowRequestRefusedException(Reason.INVALID, "tasks.section.unknown", task.section()));
        CaseSection filled = file.section(section.id()).orElse(null);
        if (filled == null || filled.data().isEmpty()) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "tasks.section.empty", section.id());
        }
        SectionValidation validation = validator.validate(section, filled.data(), filled.data(),
                SupportedLocales.bestMatch(locale));
        if (!validation.valid()) {
            List<Map<String, String>> errors = validation.problems().stream()
                    .map(p -> Map.of("path", p.path(), "message", p.message())).toList();
            throw new WorkflowRequestRefusedException(Reason.INVALID, errors, "tasks.section.invalid", section.id());
        }
    }

    private InboxTask finish(KinshipUser user, InboxTask task, Map<String, Object> variables, String action) {
        Task engineTask = tasks.createTaskQuery().taskId(task.id()).singleResult();
        if (engineTask == null) {
            sync.sync(task.processInstanceId());
            throw new WorkflowRequestRefusedException(Reason.CONFLICT, "tasks.notOpen");
        }
        try {
            if (engineTask.getAssignee() == null) {
                tasks.claim(task.id(), user.id());
            }
            tasks.complete(task.id(), variables);
        } catch (FlowableException e) {
            audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "case", task.caseId(), AuditOutcome.FAILURE,
                    Map.of("task", task.taskDefinitionKey(), "action", action));
            throw new WorkflowRequestRefusedException(Reason.INVALID, "tasks.refusedByProcess",
                    task.taskDefinitionKey());
        }
        projection.completed(task.id(), clock.instant(), user.id());
        sync.sync(task.processInstanceId());
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "case", task.caseId(), AuditOutcome.SUCCESS,
                Map.of("task", task.taskDefinitionKey(), "action", action));
        try {
            return inbox.get(user, task.id());
        } catch (TaskNotFoundException e) {
            return task;
        }
    }
}
