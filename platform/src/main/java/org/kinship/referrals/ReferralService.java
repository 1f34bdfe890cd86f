package org.kinship.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseFile;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.internal.MongoReferralRepository;
import org.kinship.referrals.internal.MongoReferralTypeRepository;
import org.kinship.referrals.internal.ReferralProcesses;
import org.kinship.referrals.internal.ReferralSupport;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.shared.Ids;
import org.kinship.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Makes and moves referrals. Referring needs {@code case:refer} on the case, consent for services (and for sharing
 * when the case leaves its agency) or an override, and a provider that offers the service; the recipient accepts
 * or rejects, then marks it done (the case plan's need becomes delivered); the sender may revoke an active one.
 * Every step is audited and published as {@link ReferralStatusChanged}.
 */
@Service
public class ReferralService {

    private final MongoReferralRepository referrals;
    private final MongoReferralTypeRepository types;
    private final ServiceDirectory directory;
    private final ServiceNeeds needs;
    private final ReferralSupport support;
    private final ReferralProcesses processes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralService(MongoReferralRepository referrals, MongoReferralTypeRepository types, ServiceDirectory directory,
            ServiceNeeds needs, ReferralSupport support, ReferralProcesses processes, ApplicationEventPublisher events,
            Clock clock) {
        this.processes = processes;
        this.referrals = referrals;
        this.types = types;
        this.directory = directory;
        this.needs = needs;
        this.support = support;
        this.events = events;
        this.clock = clock;
    }

    public Referral refer(KinshipUser user, String caseId, ReferralRequest request) {
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.REFER, file, "referrals.refer.forbidden");
        if (!file.isOpen()) {
            throw new ReferralRefusedException(Reason.CONFLICT, "referrals.case.closed");
        }
        String serviceType = required(request.serviceType(), "serviceType");
        if (!directory.isActiveServiceType(serviceType)) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.serviceType.unknown", serviceType);
        }
        String typeId = request.referralType() == null ? "standard" : request.referralType();
        ReferralType type = types.find(typeId).orElseThrow(
                () -> new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.type.unknown", typeId));
        ServiceProvider provider = request.providerId() == null ? null : directory.provider(request.providerId())
                .orElseThrow(() -> new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.provider.notFound"));
        if (provider != null && !provider.offers(serviceType)) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.provider.doesNotOffer",
                    provider.name(), serviceType);
        }
        UserAccount recipient = request.toUser() == null ? null : support.user(request.toUser());
        String toAgency = target(user, file, provider, recipient);
        ServiceNeed need = needs.forReferral(user, caseId, serviceType, request.serviceNeedId());
        String basis = support.requireConsent(user, caseId, file.agencyCode(), toAgency,
                request.consentOverrideReason(), true, "referral.create");
        Instant now = clock.instant();
        int hours = provider == null ? support.settings().defaultResponseHours() : provider.responseHours();
        Referral referral = new Referral(Ids.newId(), caseId, serviceType, type.id(), type.sectionIds(),
                provider == null ? null : provider.id(), toAgency, recipient == null ? null : recipient.id(),
                user.id(), user.agencyCode(), need.id(), ReferralStatus.IN_PROGRESS, basis, now,
                now.plus(Duration.ofHours(hours)), List.of(new StatusChange(ReferralStatus.IN_PROGRESS.key(),
                        user.id(), now, null)), null, 0);
        referrals.insert(referral);
        needs.moved(need, ServiceNeed.REFERRED, referral.id(), user.id());
        Referral stored = processes.reconcile(referral);
        changed(user, stored, "referral.create");
        return stored;
    }

    /** Checks where the referral goes; answers the recipient agency. */
    private String target(KinshipUser user, CaseFile file, @Nullable ServiceProvider provider,
            @Nullable UserAccount recipient) {
        if (recipient != null && recipient.id().equals(user.id())) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.toSelf");
        }
        if (provider != null) {
            if (recipient != null && !provider.agencyCode().equals(recipient.agencyCode())) {
                throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.user.notOfProvider",
                        recipient.username(), provider.agencyCode());
            }
            return provider.agencyCode();
        }
        if (recipient == null) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.target.required");
        }
        if (!Objects.equals(recipient.agencyCode(), file.agencyCode()) || recipient.agencyCode() == null) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.provider.required");
        }
        return recipient.agencyCode();
    }

    public Referral accept(KinshipUser user, String id) {
        return move(user, id, true, "referral.accept", r -> r.accept(user.id(), clock.instant()));
    }

    public Referral reject(KinshipUser user, String id, @Nullable String reason) {
        String why = required(reason, "reason");
        return move(user, id, true, "referral.reject", r -> r.reject(user.id(), clock.instant(), why));
    }

    /** The service was delivered: the case plan's need becomes delivered (and the case history says so). */
    public Referral done(KinshipUser user, String id) {
        Referral done = move(user, id, true, "referral.done", r -> r.complete(user.id(), clock.instant()));
        needs.moved(needs.need(done.serviceNeedId()), ServiceNeed.DELIVERED, done.id(), user.id());
        return done;
    }

    public Referral revoke(KinshipUser user, String id, @Nullable String reason) {
        return move(user, id, false, "referral.revoke", r -> r.revoke(user.id(), clock.instant(), reason));
    }

    /** A referral the user sent, received (or their agency did), or whose sender's agency they supervise. */
    public Referral get(KinshipUser user, String id) {
        return referrals.find(id).filter(r -> visible(user, r))
                .orElseThrow(() -> new ReferralRefusedException(Reason.NOT_FOUND, "referrals.notFound"));
    }

    public List<Referral> sent(KinshipUser user, @Nullable ReferralStatus status) {
        return referrals.sentBy(user.id(), status);
    }

    public List<Referral> received(KinshipUser user, @Nullable ReferralStatus status) {
        return support.mayViewCases(user) ? referrals.receivedBy(user.id(), user.agencyCode(), status) : List.of();
    }

    /** Counts by state and overdue responses, received and sent. */
    public ReferralSummary summary(KinshipUser user) {
        List<Referral> in = received(user, null);
        List<Referral> out = sent(user, null);
        return new ReferralSummary(byStatus(in), byStatus(out), overdue(in), overdue(out));
    }

    private static Map<ReferralStatus, Long> byStatus(List<Referral> list) {
        Map<ReferralStatus, Long> counts = new java.util.EnumMap<>(ReferralStatus.class);
        for (ReferralStatus status : ReferralStatus.values()) {
            counts.put(status, list.stream().filter(r -> r.status() == status).count());
        }
        return counts;
    }

    private long overdue(List<Referral> list) {
        return list.stream().filter(this::overdue).count();
    }

    /** Whether the referral still waits for its response after its {@code respondBy} deadline. */
    public boolean overdue(Referral referral) {
        return referral.status() == ReferralStatus.IN_PROGRESS && referral.respondBy().isBefore(clock.instant());
    }

    /** The referrals of a case in the user's {@code case:view} scope. */
    public List<Referral> ofCase(KinshipUser user, String caseId) {
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.VIEW, file, "referrals.case.forbidden");
        return referrals.ofCase(caseId);
    }

    public List<ReferralType> types() {
        return types.all();
    }

    /** Creates (version 0) or changes a referral type; needs {@code lookup:manage}, audited. */
    public ReferralType saveType(KinshipUser user, ReferralType type) {
        support.requireManage(user, type.id());
        if (!type.id().matches("[a-z0-9_]{1,64}") || type.sectionIds().isEmpty()
                || type.sectionIds().stream().anyMatch(s -> !s.matches("[A-Za-z0-9_-]{1,64}"))
                || type.label().getOrDefault("en", "").isBlank()) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.type.invalid");
        }
        ReferralType saved = types.save(type);
        support.audit(user, "config.change", "referral_type", saved.id(), AuditOutcome.SUCCESS,
                Map.of("version", String.valueOf(saved.version())));
        return saved;
    }

    private Referral move(KinshipUser user, String id, boolean byRecipient, String action,
            UnaryOperator<Referral> transition) {
        for (int attempt = 1; ; attempt++) {
            Referral referral = get(user, id);
            if (byRecipient && !(referral.isRecipient(user.id(), user.agencyCode()) && support.mayViewCases(user))) {
                throw new ReferralRefusedException(Reason.FORBIDDEN, "referrals.notRecipient");
            }
            if (!byRecipient && !isSenderSide(user, referral)) {
                throw new ReferralRefusedException(Reason.FORBIDDEN, "referrals.notSender");
            }
            Referral next = transition.apply(referral).withVersion(referral.version() + 1);
            try {
                referrals.replace(referral.version(), next);
                Referral stored = processes.reconcile(next);
                changed(user, stored, action);
                return stored;
            } catch (StaleVersionException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private boolean visible(KinshipUser user, Referral referral) {
        // the receiving side are staff who work cases, as for the received list: not every account of the agency
        return isSenderSide(user, referral)
                || (referral.isRecipient(user.id(), user.agencyCode()) && support.mayViewCases(user));
    }

    /** The sender, or whoever may refer every case of the sender's agency (a supervisor there). */
    private boolean isSenderSide(KinshipUser user, Referral referral) {
        if (referral.fromUserId().equals(user.id())) {
            return true;
        }
        RecordScope scope = support.scope(user, Action.REFER);
        return (scope.level() == RecordScope.Level.AGENCY && referral.fromAgencyCode() != null
                && referral.fromAgencyCode().equals(user.agencyCode())) || scope.level() == RecordScope.Level.ALL;
    }

    private void changed(KinshipUser user, Referral referral, String action) {
        support.audit(user, action, "referral", referral.id(), AuditOutcome.SUCCESS,
                Map.of("caseId", referral.caseId(), "status", referral.status().key()));
        events.publishEvent(new ReferralStatusChanged(referral.id(), referral.caseId(), referral.status().key(),
                referral.fromUserId(), referral.toAgencyCode(), referral.toUserId(), referral.respondBy(), user.id(),
                clock.instant()));
    }

    static String required(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.required", field);
        }
        if (text.length() > 2_000) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.tooLong", field);
        }
        return text.strip();
    }
}
