package org.kinship.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.workflow.CaseDueDates;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.ServiceLevels;
import org.kinship.workflow.TargetOverride;
import org.kinship.workflow.WorkflowRequestRefusedException;
import org.kinship.workflow.WorkflowRequestRefusedException.Reason;
import org.springframework.stereotype.Service;

/** Service-level targets and per-child overrides; see {@link ServiceLevelService}. */
@Service
class MongoServiceLevelService implements ServiceLevelService {

    /** Ten years: a target beyond is a typing error. */
    static final int MAX_HOURS = 87_600;

    private final MongoServiceLevelStore store;
    private final CaseRoutingService cases;
    private final CaseProcesses processes;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;

    MongoServiceLevelService(MongoServiceLevelStore store, CaseRoutingService cases, CaseProcesses processes,
            PermissionService permissions, AuditLog audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.processes = processes;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ServiceLevels current() {
        ServiceLevels stored = store.current();
        return stored.targets().isEmpty() && stored.version() == 0
                ? new ServiceLevels(DueDateRules.STANDARD, 0, null, null) : stored;
    }

    @Override
    public ServiceLevels update(KinshipUser user, long expectedVersion, List<ServiceLevel> targets) {
        permissions.requireEverywhere(user, Resource.WORKFLOW, Action.MANAGE, "service-levels");
        check(targets);
        ServiceLevels saved = store.replace(expectedVersion, targets, user.id(), clock.instant())
                .orElseThrow(() -> new WorkflowRequestRefusedException(Reason.CONFLICT, "workflow.serviceLevels.stale",
                        store.current().version()));
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "service_levels", MongoServiceLevelStore.CURRENT,
                AuditOutcome.SUCCESS, Map.of("version", Long.toString(saved.version()), "targets",
                        Integer.toString(targets.size())));
        return saved;
    }

    @Override
    public ServiceLevels installFromPackage(List<ServiceLevel> targets, String appliedBy) {
        check(targets);
        for (int attempt = 0; ; attempt++) {
            long version = store.current().version();
            var saved = store.replace(version, targets, appliedBy, clock.instant());
            if (saved.isPresent()) {
                audit.record(AuditActor.SYSTEM, AuditActions.CONFIG_CHANGE, "service_levels",
                        MongoServiceLevelStore.CURRENT, AuditOutcome.SUCCESS, Map.of("version",
                                Long.toString(saved.get().version()), "source", "template-package"));
                return saved.get();
            }
            if (attempt > 5) {
                throw new WorkflowRequestRefusedException(Reason.CONFLICT, "workflow.serviceLevels.stale", version);
            }
        }
    }

    @Override
    public ServiceLevels restoreAfterFailedPackage(List<ServiceLevel> previous, String appliedBy) {
        if (!previous.isEmpty()) {
            return installFromPackage(previous, appliedBy);
        }
        store.remove();
        audit.record(AuditActor.SYSTEM, AuditActions.CONFIG_CHANGE, "service_levels", MongoServiceLevelStore.CURRENT,
                AuditOutcome.SUCCESS, Map.of("source", "template-package-undone"));
        return current();
    }

    @Override
    public CaseDueDates dueDates(KinshipUser user, String caseId) {
        return dueDates(visible(user, caseId, Action.VIEW));
    }

    /** A case's due dates from the current targets and its override (for the engine's own work). */
    CaseDueDates dueDates(CaseRouting routing) {
        MongoServiceLevelStore.Stored stored = store.override(routing.id());
        ServiceLevel target = DueDateRules.targetFor(current(), routing.riskLevel());
        return new CaseDueDates(routing.id(), routing.riskLevel(),
                DueDateRules.assessmentDue(routing.registeredAt(), target, stored.override()),
                DueDateRules.casePlanDue(routing.registeredAt(), target, stored.override()), stored.override(),
                stored.version());
    }

    @Override
    public CaseDueDates overrideTargets(KinshipUser user, String caseId, long expectedVersion,
            @Nullable Integer assessmentHours, @Nullable Integer casePlanHours, String reason) {
        CaseRouting routing = visible(user, caseId, Action.VIEW);
        if (!permissions.scopeFor(user, Resource.CASE, Action.OVERRIDE_TARGET).permits(routing.ownerId(),
                routing.assignedIds(), routing.groupIds(), routing.agencyCode())) {
            throw permissions.deny(user, Resource.CASE, Action.OVERRIDE_TARGET, caseId, "missing_permission");
        }
        if (reason == null || reason.isBlank()) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.override.reasonRequired");
        }
        if (reason.length() > 2000) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.override.reasonTooLong", 2000);
        }
        checkHours("assessmentHours", assessmentHours);
        checkHours("casePlanHours", casePlanHours);
        Instant now = clock.instant();
        TargetOverride entry = new TargetOverride(assessmentHours, casePlanHours, reason.strip(), user.id(), now);
        TargetOverride override = assessmentHours == null && casePlanHours == null ? null : entry;
        if (!store.saveOverride(caseId, expectedVersion, override, entry)) {
            throw new WorkflowRequestRefusedException(Reason.CONFLICT, "workflow.override.stale",
                    store.override(caseId).version());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("change", override == null ? "targetOverrideRemoved" : "targetOverride");
        details.put("assessmentHours", assessmentHours == null ? "-" : assessmentHours.toString());
        details.put("casePlanHours", casePlanHours == null ? "-" : casePlanHours.toString());
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "case", caseId, AuditOutcome.SUCCESS, details);
        CaseDueDates due = dueDates(routing);
        processes.applyDueDates(due, routing.riskLevel());
        return due;
    }

    private CaseRouting visible(KinshipUser user, String caseId, Action action) {
        CaseRouting routing = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        if (!permissions.scopeFor(user, Resource.CASE, action).permits(routing.ownerId(), routing.assignedIds(),
                routing.groupIds(), routing.agencyCode())) {
            throw notFound(caseId);
        }
        return routing;
    }

    private static WorkflowRequestRefusedException notFound(String caseId) {
        return new WorkflowRequestRefusedException(Reason.NOT_FOUND, "workflow.case.notFound", caseId);
    }

    private static void check(List<ServiceLevel> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.serviceLevels.empty");
        }
        Set<String> seen = new HashSet<>();
        for (ServiceLevel target : targets) {
            if (target == null || target.riskLevel() == null || !target.riskLevel().matches("[a-z][a-z0-9_-]{0,40}")) {
                throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.serviceLevels.badRisk",
                        target == null ? "" : String.valueOf(target.riskLevel()));
            }
            if (!seen.add(target.riskLevel())) {
                throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.serviceLevels.duplicate",
                        target.riskLevel());
            }
            checkHours(target.riskLevel() + ".assessmentHours", target.assessmentHours());
            checkHours(target.riskLevel() + ".casePlanHours", target.casePlanHours());
        }
    }

    private static void checkHours(String field, @Nullable Integer hours) {
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            throw new WorkflowRequestRefusedException(Reason.INVALID, "workflow.serviceLevels.badHours", field,
                    MAX_HOURS);
        }
    }
}
