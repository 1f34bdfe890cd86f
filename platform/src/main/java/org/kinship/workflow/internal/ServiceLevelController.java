package org.kinship.workflow.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.workflow.CaseDueDates;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.ServiceLevels;
import org.kinship.workflow.WorkflowRequestRefusedException;
import org.kinship.workflow.WorkflowRequestRefusedException.Reason;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/service-levels} (PUT with {@code If-Match: <version>}, {@code workflow:manage}) and a
 * case's due dates and target override: {@code GET/PUT /api/v1/cases/{id}/targets}.
 */
@RestController
class ServiceLevelController {

    private final ServiceLevelService serviceLevels;

    ServiceLevelController(ServiceLevelService serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    record Targets(@Nullable List<ServiceLevel> targets) {
    }

    record Override(@Nullable Integer assessmentHours, @Nullable Integer casePlanHours, @Nullable String reason) {
    }

    @GetMapping("/api/v1/service-levels")
    ResponseEntity<ServiceLevels> get() {
        ServiceLevels current = serviceLevels.current();
        return ResponseEntity.ok().eTag("\"" + current.version() + "\"").body(current);
    }

    @PutMapping("/api/v1/service-levels")
    ResponseEntity<ServiceLevels> put(@AuthenticationPrincipal KinshipUser user,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody Targets body) {
        ServiceLevels saved = serviceLevels.update(user, version(ifMatch),
                body.targets() == null ? List.of() : body.targets());
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(saved);
    }

    @GetMapping("/api/v1/cases/{id}/targets")
    ResponseEntity<CaseDueDates> dueDates(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        CaseDueDates due = serviceLevels.dueDates(user, id);
        return ResponseEntity.ok().eTag("\"" + due.version() + "\"").body(due);
    }

    @PutMapping("/api/v1/cases/{id}/targets")
    ResponseEntity<CaseDueDates> override(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody Override body) {
        CaseDueDates due = serviceLevels.overrideTargets(user, id, version(ifMatch), body.assessmentHours(),
                body.casePlanHours(), body.reason() == null ? "" : body.reason());
        return ResponseEntity.ok().eTag("\"" + due.version() + "\"").body(due);
    }

    private static long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WorkflowRequestRefusedException(Reason.BAD_REQUEST, "workflow.ifMatch.required");
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new WorkflowRequestRefusedException(Reason.BAD_REQUEST, "workflow.ifMatch.required");
        }
    }
}
