package org.kinship.consent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.consent.internal.MongoConsentRepository;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Records consent per child record and answers whether a feature may proceed for a purpose. Recording needs
 * {@code consent:edit}, overriding {@code consent:approve}; both are audited. The caller checks that the record
 * itself is within the user's {@link org.kinship.security.RecordScope} (the record's owner is not known here).
 */
@Service
public class ConsentService {

    private final MongoConsentRepository consents;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConsentService(MongoConsentRepository consents, PermissionService permissions, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.consents = consents;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public Optional<ConsentRecord> find(String recordId) {
        return consents.find(recordId);
    }

    /** Earlier versions of the record's consent, oldest first. */
    public List<ConsentRecord> history(String recordId) {
        return consents.history(recordId);
    }

    /**
     * Records the answers and wishes as a new version; earlier overrides end.
     *
     * @param expectedVersion the version the user saw (0 for a record without consent yet)
     * @throws org.kinship.shared.StaleVersionException when someone else recorded consent in the meantime
     */
    public ConsentRecord record(KinshipUser user, String recordId, Map<ConsentPurpose, ConsentDecision> decisions,
            DataProtectionWishes wishes, long expectedVersion) {
        permissions.require(user, Resource.CONSENT, Action.EDIT, recordId);
        ConsentRecord next = new ConsentRecord(recordId, decisions, wishes, List.of(), user.id(), user.username(),
                clock.instant(), expectedVersion);
        ConsentRecord stored = consents.find(recordId).isEmpty() && expectedVersion == 0
                ? consents.insert(next) : consents.update(next);
        audit.record(AuditActor.of(user), AuditActions.CONSENT_CHANGE, "consent", recordId, AuditOutcome.SUCCESS,
                Map.of("decisions", summary(stored), "version", String.valueOf(stored.version())));
        events.publishEvent(new ConsentChanged(recordId));
        return stored;
    }

    /**
     * A record merged into another (duplicate case files of one child): when {@code toRecordId} has no consent
     * yet, the consent of {@code fromRecordId} (answers, wishes, overrides, who recorded it) becomes its first
     * version; a record that has its own consent keeps it. Audited; the caller authorised the merge.
     *
     * @return whether consent was carried over
     */
    public boolean carryOver(KinshipUser user, String fromRecordId, String toRecordId) {
        Optional<ConsentRecord> from = consents.find(fromRecordId);
        if (from.isEmpty() || consents.find(toRecordId).isPresent()) {
            return false;
        }
        ConsentRecord source = from.get();
        ConsentRecord stored = consents.insert(new ConsentRecord(toRecordId, source.decisions(), source.wishes(),
                source.overrides(), source.recordedById(), source.recordedByName(), source.recordedAt(), 0));
        audit.record(AuditActor.of(user), AuditActions.CONSENT_CHANGE, "consent", toRecordId, AuditOutcome.SUCCESS,
                Map.of("decisions", summary(stored), "version", String.valueOf(stored.version()),
                        "carriedFrom", fromRecordId));
        events.publishEvent(new ConsentChanged(toRecordId));
        return true;
    }

    /** Whether the record's consent allows the purpose: given, or refused / not asked but overridden. */
    public ConsentCheck mayProceed(String recordId, ConsentPurpose purpose) {
        Optional<ConsentRecord> found = consents.find(recordId);
        if (found.isEmpty()) {
            return ConsentCheck.denied("consent.notRecorded");
        }
        ConsentRecord record = found.get();
        if (record.decision(purpose) == ConsentDecision.GIVEN) {
            return ConsentCheck.allowed("consent.given");
        }
        Optional<ConsentOverride> override = record.override(purpose);
        if (override.isPresent()) {
            return new ConsentCheck(true, "consent.overridden", override.get());
        }
        return ConsentCheck.denied(record.decision(purpose) == ConsentDecision.REFUSED
                ? "consent.refused" : "consent.notAsked");
    }

    /** Sharing with one agency: sharing consent, and the agency is not on the do-not-share list (unless overridden). */
    public ConsentCheck mayShareWith(String recordId, String agencyCode) {
        ConsentCheck sharing = mayProceed(recordId, ConsentPurpose.SHARING);
        if (!sharing.allowed() || sharing.override() != null) {
            return sharing;
        }
        boolean excluded = consents.find(recordId).map(record -> record.wishes().doNotShareWith().contains(agencyCode))
                .orElse(false);
        return excluded ? ConsentCheck.denied("consent.doNotShareWith") : sharing;
    }

    /**
     * Proceeds without consent for one purpose, for a reason the user gives (kept with the consent, not in the
     * audit log, as it may describe the child). Lasts until consent is recorded again.
     *
     * @throws org.kinship.security.PermissionDeniedException without {@code consent:approve} (audited)
     */
    public ConsentCheck override(String recordId, ConsentPurpose purpose, KinshipUser user, String reason) {
        permissions.require(user, Resource.CONSENT, Action.APPROVE, recordId);
        if (reason.strip().length() < 10) {
            throw new IllegalArgumentException("An override needs a reason of at least 10 characters");
        }
        ConsentOverride override = new ConsentOverride(purpose, user.id(), user.username(), clock.instant(),
                reason.strip());
        Optional<ConsentRecord> found = consents.find(recordId);
        if (found.isEmpty()) {
            consents.insert(new ConsentRecord(recordId, Map.of(), DataProtectionWishes.NONE, List.of(override),
                    user.id(), user.username(), override.at(), 0));
        } else {
            ConsentRecord record = found.get();
            List<ConsentOverride> overrides = new ArrayList<>(record.overrides());
            overrides.add(override);
            consents.update(new ConsentRecord(recordId, record.decisions(), record.wishes(), overrides,
                    record.recordedById(), record.recordedByName(), record.recordedAt(), record.version()));
        }
        audit.record(AuditActor.of(user), AuditActions.CONSENT_OVERRIDE, "consent", recordId, AuditOutcome.SUCCESS,
                Map.of("purpose", purpose.key()));
        events.publishEvent(new ConsentChanged(recordId));
        return new ConsentCheck(true, "consent.overridden", override);
    }

    private static String summary(ConsentRecord record) {
        return record.decisions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().key() + "=" + entry.getValue().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }
}
