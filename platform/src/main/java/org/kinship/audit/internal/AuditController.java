package org.kinship.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditAnchor;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.audit.AuditPage;
import org.kinship.audit.AuditQuery;
import org.kinship.audit.AuditVerification;
import org.kinship.audit.AuditVerifier;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit} (filters {@code actor, action, resourceType, resourceId, from, to}, paging
 * {@code page, size}) and {@code GET /api/v1/audit/verify} (optionally {@code anchorSequence, anchorHash}).
 * Both need {@code audit_log:view}, and reading the log is itself audited ({@code audit.view}).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final PermissionService permissions;

    AuditController(AuditLog audit, AuditVerifier verifier, PermissionService permissions) {
        this.audit = audit;
        this.verifier = verifier;
        this.permissions = permissions;
    }

    @GetMapping
    AuditPage search(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String resourceType,
            @RequestParam(required = false) @Nullable String resourceId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        permissions.require(user, Resource.AUDIT_LOG, Action.VIEW, null);
        AuditPage result = audit.search(new AuditQuery(actor, action, resourceType, resourceId, instant("from", from),
                instant("to", to)), page, size);
        audit.record(AuditActor.of(user), AuditActions.AUDIT_VIEW, "audit_log", null, AuditOutcome.SUCCESS,
                Map.of("page", String.valueOf(page)));
        return result;
    }

    @GetMapping("/verify")
    AuditVerification verify(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(required = false) @Nullable Long anchorSequence,
            @RequestParam(required = false) @Nullable String anchorHash) {
        permissions.require(user, Resource.AUDIT_LOG, Action.VIEW, null);
        AuditVerification result = verifier.verify(anchorSequence == null || anchorHash == null ? null
                : new AuditAnchor(anchorSequence, anchorHash));
        audit.record(AuditActor.of(user), AuditActions.AUDIT_VIEW, "audit_log", null, AuditOutcome.SUCCESS,
                Map.of("verification", result.intact() ? "intact" : "broken"));
        return result;
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-21T00:00:00Z");
        }
    }
}
