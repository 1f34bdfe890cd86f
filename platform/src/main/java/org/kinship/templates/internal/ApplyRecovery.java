package org.kinship.templates.internal;

import java.util.Map;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before the bundled packages are installed: an apply that the last run left in the middle (the process
 * died, or undoing a failed apply failed) is finished — kept when its installation was recorded, otherwise undone
 * — so that the forms, lookups, service levels and workflows are as before it began.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class ApplyRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApplyRecovery.class);

    private final MongoTemplateRepository repository;
    private final ApplyRollback rollback;
    private final AuditLog audit;

    ApplyRecovery(MongoTemplateRepository repository, ApplyRollback rollback, AuditLog audit) {
        this.repository = repository;
        this.rollback = rollback;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** Finishes an interrupted apply, if there is one; true when there was. */
    boolean recover() {
        return repository.applyInProgress().map(journal -> {
            if (rollback.completed(journal)) {
                repository.endApply(journal.applyId());
                log.info("The interrupted apply of template package {} {} had completed; kept", journal.packageId(),
                        journal.version());
                return true;
            }
            rollback.undo(journal);
            audit.record(AuditActor.SYSTEM, AuditActions.TEMPLATE_IMPORT, "template", journal.packageId(),
                    AuditOutcome.FAILURE, Map.of("version", journal.version(), "reason", "interrupted-undone"));
            log.warn("The interrupted apply of template package {} {} was undone", journal.packageId(),
                    journal.version());
            return true;
        }).orElse(false);
    }
}
