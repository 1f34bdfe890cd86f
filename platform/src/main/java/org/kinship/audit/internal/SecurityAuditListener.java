package org.kinship.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.security.AccessDenied;
import org.kinship.security.AccountLocked;
import org.kinship.security.LoginFailed;
import org.kinship.security.LoginSucceeded;
import org.kinship.security.SecurityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the security feature's events to the audit log. Listeners run in the publishing thread, so a sign-in
 * or a refusal is not answered before it is recorded.
 */
@Component
class SecurityAuditListener {

    private final AuditLog audit;

    SecurityAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(LoginSucceeded event) {
        audit.record(new AuditActor(event.userId(), event.username()), AuditActions.LOGIN_SUCCESS, "user",
                event.userId(), AuditOutcome.SUCCESS,
                Map.of("remoteAddress", event.remoteAddress(), "method", event.method()));
    }

    @EventListener
    void on(LoginFailed event) {
        audit.record(new AuditActor(null, event.username()), AuditActions.LOGIN_FAILURE, "user", null,
                AuditOutcome.FAILURE, Map.of("reason", event.reason(), "remoteAddress", event.remoteAddress(),
                        "method", event.method()));
    }

    @EventListener
    void on(AccountLocked event) {
        audit.record(new AuditActor(event.userId(), event.username()), AuditActions.ACCOUNT_LOCKED, "user",
                event.userId(), AuditOutcome.SUCCESS, Map.of("until", event.until().toString()));
    }

    @EventListener
    void on(AccessDenied event) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", event.action());
        details.put("reason", event.reason());
        audit.record(new AuditActor(event.userId(), event.username()), AuditActions.ACCESS_DENIED, event.resource(),
                event.resourceId(), AuditOutcome.DENIED, details);
    }

    @EventListener
    void on(SecurityChanged event) {
        audit.record(new AuditActor(event.actorId(), event.actorName()), event.action(), event.resourceType(),
                event.resourceId(), AuditOutcome.SUCCESS, event.details());
    }
}
