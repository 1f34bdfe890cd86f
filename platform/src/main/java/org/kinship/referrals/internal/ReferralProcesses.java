package org.kinship.referrals.internal;

import java.util.HashMap;
import java.util.Map;

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
        String acceptedBy = current.changes().stream().filter(c -> c.status().equals(ReferralStatus.ACCEPTED.key()))
                .map(c -> c.byUserId()).findFirst().orElse(null);
        switch (current.status()) {
            case ACCEPTED -> processes.completeTask(instance, RESPOND, accepted(acceptedBy));
            case DONE -> {
                processes.completeTask(instance, RESPOND, accepted(acceptedBy));
                processes.completeTask(instance, DELIVER, Map.of());
            }
            case REJECTED -> processes.completeTask(instance, RESPOND, Map.of("decision", "rejected"));
            case REVOKED -> processes.cancel(instance, "referral revoked");
            case IN_PROGRESS -> {
                // the response task is open
            }
        }
        return current;
    }

    private static Map<String, Object> accepted(String acceptedBy) {
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
