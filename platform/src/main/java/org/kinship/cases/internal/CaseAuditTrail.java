package org.kinship.cases.internal;

import java.util.Map;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseViewed;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every view and every change of a case file to the audit log: who, when, which case and what kind of
 * access (the part viewed, or the kind of change) — never the child's data. Runs in the request's thread, so a
 * read or write is not answered before it is recorded.
 */
@Component
class CaseAuditTrail {

    private final AuditLog audit;
    private final UserAccountService accounts;

    CaseAuditTrail(AuditLog audit, UserAccountService accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    void on(CaseEvent event) {
        AuditActor actor = new AuditActor(event.by(),
                accounts.findById(event.by()).map(UserAccount::username).orElse(event.by()));
        if (event instanceof CaseViewed viewed) {
            audit.record(actor, AuditActions.RECORD_VIEW, "case", event.caseId(), AuditOutcome.SUCCESS,
                    Map.of("part", viewed.what(), "version", String.valueOf(event.version())));
        } else {
            audit.record(actor, AuditActions.RECORD_CHANGE, "case", event.caseId(), AuditOutcome.SUCCESS,
                    Map.of("change", event.getClass().getSimpleName(), "version", String.valueOf(event.version())));
        }
    }
}
