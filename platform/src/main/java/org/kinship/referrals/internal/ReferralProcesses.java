package org.kinship.referrals.internal;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralSettings;
import org.kinship.referrals.ReferralStatus;
import org.kinship.workflow.RecordProcessService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each referral's process in step with the referral (MongoDB and the engine share no transaction): the
 * referral is stored first, then its process is started or moved; every step is idempotent, so the repair at
 * start (active referrals) catches up after a crash in between.
 */
@Component
public class ReferralProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralProcesses.class);
    static final String RESPOND = "respond";
    static final String DELIVER = "deliver";

    private final RecordProcessService processes;
    private final MongoReferralRepository referrals;
    private final ReferralSettings settings;

    ReferralProcesses(RecordProcessService processes, MongoReferralRepository referrals, ReferralSettings settings) {
        this.processes = processes;
        this.referrals = referrals;
        this.settings = settings;
    }

    /** Starts or advances the referral's process to match its state; answers the referral as stored. */
    public Referral reconcile(Referral referral) {
        try {
            return apply(referral);
        } catch (RuntimeException e) {
            LOG.warn("Referral {} process not in step ({}); the repair at start retries", referral.id(),
                    e.getClass().getSimpleName());
            return referral;
        }
    }

    private Referral apply(Referral referral) {
        String key = settings.process();
        if (key.isBlank() || !processes.deployed(key)) {
            return referral;
        }
        Referral current = referral;
        if (current.processInstanceId() == null) {
            if (!current.status().isActive()) {
                return current;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("referralId", current.id());
            variables.put("recipientUserId", current.toUserId());
            variables.put("recipientAgency", current.toAgencyCode());
            variables.put("respondBy", current.respondBy().toString());
            variables.put("serviceType", current.serviceType());
            String instance = processes.start(key, current.caseId(), current.id(), variables);
            Referral next = current.withProcess(instance).withVersion(current.version() + 1);
            current = referrals.replace(current.version(), next);
        }
        String instance = current.processInstanceId();
        String acceptedBy = byOf(current, ReferralStatus.ACCEPTED);
        switch (current.status()) {
            case ACCEPTED -> processes.completeTask(instance, RESPOND, acceptedBy, accepted(acceptedBy));
            case DONE -> {
                processes.completeTask(instance, RESPOND, acceptedBy, accepted(acceptedBy));
                processes.completeTask(instance, DELIVER, byOf(current, ReferralStatus.DONE), Map.of());
            }
            case REJECTED -> processes.completeTask(instance, RESPOND, byOf(current, ReferralStatus.REJECTED),
                    Map.of("decision", "rejected"));
            case REVOKED -> processes.cancel(instance, "referral revoked");
            case IN_PROGRESS -> {
                // the response task is open
            }
        }
        return current;
    }

    /** Who moved the referral into {@code status}, if it got there. */
    private static @Nullable String byOf(Referral referral, ReferralStatus status) {
        return referral.changes().stream().filter(c -> c.status().equals(status.key())).map(c -> c.byUserId())
                .findFirst().orElse(null);
    }

    private static Map<String, Object> accepted(@Nullable String acceptedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", "accepted");
        variables.put("acceptedBy", acceptedBy);
        return variables;
    }

    /** Active referrals whose process is missing or behind (a crash between the two stores). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void repairAtStart() {
        try {
            referrals.active().forEach(this::reconcile);
        } catch (RuntimeException e) {
            LOG.warn("Referral processes not repaired at start ({})", e.getClass().getSimpleName());
        }
    }
}
