package org.kinship.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseCustody;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.internal.MongoTransferRepository;
import org.kinship.referrals.internal.ReferralSupport;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.UserAccount;
import org.kinship.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Transfers move the whole case: on acceptance the case's owner and agency change (and the previous owner keeps
 * access only if still assigned or in one of its groups). Offering needs {@code case:transfer} on the case and
 * consent for sharing when it leaves its agency (checked again on acceptance); a worker may also ask for a case
 * they can read (a transfer request), which the owner's side accepts or rejects. One pending transfer per case.
 */
@Service
public class TransferService {

    private final MongoTransferRepository transfers;
    private final ReferralSupport support;
    private final CaseCustody custody;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TransferService(MongoTransferRepository transfers, ReferralSupport support, CaseCustody custody,
            ApplicationEventPublisher events, Clock clock) {
        this.transfers = transfers;
        this.support = support;
        this.custody = custody;
        this.events = events;
        this.clock = clock;
    }

    public Transfer offer(KinshipUser user, String caseId, TransferRequest request) {
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.TRANSFER, file, "referrals.transfer.forbidden");
        requireOpenWithoutPending(file);
        UserAccount to = request.toUser() == null ? null : support.user(request.toUser());
        String toAgency = to != null ? to.agencyCode() : request.toAgencyCode();
        if (to == null && (toAgency == null || !support.agencyExists(toAgency))) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.transfer.target", String.valueOf(toAgency));
        }
        if (to != null && to.id().equals(file.ownerId())) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.transfer.alreadyOwner");
        }
        if (to != null && !support.mayViewCases(KinshipUser.of(to))) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.user.noCaseRole", to.username());
        }
        support.requireConsent(user, caseId, file.agencyCode(), toAgency, request.consentOverrideReason(), false,
                "transfer.create");
        return created(user, new Transfer(Ids.newId(), caseId, Transfer.Kind.TRANSFER, user.id(), file.ownerId(),
                file.agencyCode(), to == null ? null : to.id(), toAgency, TransferStatus.PENDING,
                note(request.note()), clock.instant(), List.of(), 0));
    }

    /** A worker asks the owner's side for a case they can read (within their scope or through a referral). */
    public Transfer ask(KinshipUser user, String caseId, @Nullable String note) {
        CaseFile file = support.readCase(user, caseId);
        if (!support.scope(user, Action.TRANSFER).allowsAny()) {
            throw new ReferralRefusedException(Reason.FORBIDDEN, "referrals.transfer.forbidden");
        }
        if (file.ownerId().equals(user.id())) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.transfer.alreadyOwner");
        }
        requireOpenWithoutPending(file);
        return created(user, new Transfer(Ids.newId(), caseId, Transfer.Kind.REQUEST, user.id(), file.ownerId(),
                file.agencyCode(), user.id(), user.agencyCode(), TransferStatus.PENDING, note(note), clock.instant(),
                List.of(), 0));
    }

    /** The receiving side accepts a transfer, the owner's side a request: ownership and agency move now. */
    public Transfer accept(KinshipUser user, String id) {
        Transfer transfer = get(user, id);
        requireAnswering(user, transfer);
        String newOwner = transfer.toUserId() != null ? transfer.toUserId() : user.id();
        String newAgency = transfer.toUserId() != null ? transfer.toAgencyCode() : user.agencyCode();
        if (!Objects.equals(newAgency, transfer.fromAgencyCode())) {
            support.requireConsent(user, transfer.caseId(), transfer.fromAgencyCode(), newAgency, null, false,
                    "transfer.accept");
        }
        Transfer accepted = move(user, transfer, t -> t.accept(user.id(), clock.instant()));
        try {
            custody.changeOwner(transfer.caseId(), newOwner, newAgency, CaseCustody.OwnerChange.TRANSFER, user.id());
        } catch (RuntimeException e) {
            // the case did not move: neither does the transfer
            transfers.replace(accepted.version(), transfer.withVersion(accepted.version() + 1));
            throw e;
        }
        changed(user, accepted, "transfer.accept");
        return accepted;
    }

    public Transfer reject(KinshipUser user, String id, @Nullable String reason) {
        String why = ReferralService.required(reason, "reason");
        Transfer transfer = get(user, id);
        requireAnswering(user, transfer);
        Transfer rejected = move(user, transfer, t -> t.reject(user.id(), clock.instant(), why));
        changed(user, rejected, "transfer.reject");
        return rejected;
    }

    public Transfer revoke(KinshipUser user, String id, @Nullable String reason) {
        Transfer transfer = get(user, id);
        if (!transfer.requestedBy().equals(user.id())) {
            throw new ReferralRefusedException(Reason.FORBIDDEN, "referrals.notSender");
        }
        Transfer revoked = move(user, transfer, t -> t.revoke(user.id(), clock.instant(), reason));
        changed(user, revoked, "transfer.revoke");
        return revoked;
    }

    public Transfer get(KinshipUser user, String id) {
        return transfers.find(id).filter(t -> involved(user, t))
                .orElseThrow(() -> new ReferralRefusedException(Reason.NOT_FOUND, "referrals.transfer.notFound"));
    }

    public List<Transfer> involving(KinshipUser user) {
        return transfers.involving(user.id(), user.agencyCode()).stream().filter(t -> involved(user, t)).toList();
    }

    private boolean involved(KinshipUser user, Transfer t) {
        return t.requestedBy().equals(user.id()) || t.fromUserId().equals(user.id())
                || Objects.equals(t.toUserId(), user.id())
                // the receiving agency's staff who work cases, not every account of the agency
                || (t.toUserId() == null && Objects.equals(t.toAgencyCode(), user.agencyCode())
                        && support.mayViewCases(user))
                || (Objects.equals(t.fromAgencyCode(), user.agencyCode()) && support.scope(user, Action.TRANSFER)
                        .level().compareTo(org.kinship.security.RecordScope.Level.AGENCY) >= 0);
    }

    /** A transfer is answered by its recipient side; a request by the owner or whoever may transfer the case. */
    private void requireAnswering(KinshipUser user, Transfer t) {
        boolean answering = switch (t.kind()) {
            case TRANSFER -> (Objects.equals(t.toUserId(), user.id())
                    || (t.toUserId() == null && Objects.equals(t.toAgencyCode(), user.agencyCode())))
                    && support.mayViewCases(user);
            case REQUEST -> !t.requestedBy().equals(user.id()) && ownerSide(user, t.caseId());
        };
        if (!answering) {
            throw new ReferralRefusedException(Reason.FORBIDDEN, "referrals.notRecipient");
        }
    }

    private boolean ownerSide(KinshipUser user, String caseId) {
        try {
            return support.inScope(user, Action.TRANSFER, support.readCase(user, caseId));
        } catch (CaseNotFoundException e) {
            return false;
        }
    }

    private void requireOpenWithoutPending(CaseFile file) {
        if (!file.isOpen()) {
            throw new ReferralRefusedException(Reason.CONFLICT, "referrals.case.closed");
        }
        if (transfers.pendingOfCase(file.id()).isPresent()) {
            throw new ReferralRefusedException(Reason.CONFLICT, "referrals.transfer.pending");
        }
    }

    private Transfer created(KinshipUser user, Transfer transfer) {
        Instant now = transfer.createdAt();
        Transfer stored = transfers.insert(new Transfer(transfer.id(), transfer.caseId(), transfer.kind(),
                transfer.requestedBy(), transfer.fromUserId(), transfer.fromAgencyCode(), transfer.toUserId(),
                transfer.toAgencyCode(), transfer.status(), transfer.note(), now,
                List.of(new StatusChange(TransferStatus.PENDING.key(), user.id(), now, null)), 0));
        changed(user, stored, transfer.kind() == Transfer.Kind.REQUEST ? "transfer.request" : "transfer.create");
        return stored;
    }

    private Transfer move(KinshipUser user, Transfer transfer, UnaryOperator<Transfer> transition) {
        Transfer next = transition.apply(transfer).withVersion(transfer.version() + 1);
        return transfers.replace(transfer.version(), next);
    }

    private void changed(KinshipUser user, Transfer t, String action) {
        support.audit(user, action, "transfer", t.id(), AuditOutcome.SUCCESS,
                Map.of("caseId", t.caseId(), "status", t.status().key(), "kind", t.kind().name().toLowerCase()));
        events.publishEvent(new TransferStatusChanged(t.id(), t.caseId(), t.kind(), t.status().key(), t.requestedBy(),
                t.fromUserId(), t.toUserId(), t.toAgencyCode(), user.id(), clock.instant()));
    }

    private static @Nullable String note(@Nullable String note) {
        if (note != null && note.length() > 2_000) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.tooLong", "note");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }
}
