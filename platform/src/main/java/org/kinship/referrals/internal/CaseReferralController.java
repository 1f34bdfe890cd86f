package org.kinship.referrals.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Assignment;
import org.kinship.referrals.AssignmentService;
import org.kinship.referrals.ProviderSuggestion;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralRequest;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ServiceNeed;
import org.kinship.referrals.ServiceNeeds;
import org.kinship.referrals.Transfer;
import org.kinship.referrals.TransferRequest;
import org.kinship.referrals.TransferService;
import org.kinship.security.KinshipUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a case worker does with a case across agencies: {@code /api/v1/cases/{id}/referrals}, {@code service-needs},
 * {@code suggestions}, {@code transfers}, {@code transfer-requests}, {@code assign}, and {@code /api/v1/cases/assign}
 * for many cases at once.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseReferralController {

    private final ReferralService referrals;
    private final ServiceNeeds needs;
    private final TransferService transfers;
    private final AssignmentService assignments;

    CaseReferralController(ReferralService referrals, ServiceNeeds needs, TransferService transfers,
            AssignmentService assignments) {
        this.referrals = referrals;
        this.needs = needs;
        this.transfers = transfers;
        this.assignments = assignments;
    }

    record NeedBody(@Nullable String serviceType) {
    }

    record NoteBody(@Nullable String note) {
    }

    record AssignBody(@Nullable String to, @Nullable List<String> caseIds) {
    }

    @PostMapping("/{id}/referrals")
    ResponseEntity<Referral> refer(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody ReferralRequest body) {
        Referral referral = referrals.refer(user, id, body);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id())).body(referral);
    }

    @GetMapping("/{id}/referrals")
    List<Referral> referrals(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return referrals.ofCase(user, id);
    }

    @PostMapping("/{id}/service-needs")
    ResponseEntity<ServiceNeed> recordNeed(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody NeedBody body) {
        return ResponseEntity.status(201).body(needs.record(user, id, body.serviceType()));
    }

    @GetMapping("/{id}/service-needs")
    List<ServiceNeed> needs(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return needs.ofCase(user, id);
    }

    @GetMapping("/{id}/suggestions")
    List<ProviderSuggestion> suggestions(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam String service) {
        return needs.suggestions(user, id, service);
    }

    @PostMapping("/{id}/transfers")
    ResponseEntity<Transfer> transfer(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody TransferRequest body) {
        Transfer transfer = transfers.offer(user, id, body);
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + transfer.id())).body(transfer);
    }

    @PostMapping("/{id}/transfer-requests")
    ResponseEntity<Transfer> askForCase(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable NoteBody body) {
        Transfer transfer = transfers.ask(user, id, body == null ? null : body.note());
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + transfer.id())).body(transfer);
    }

    @PostMapping("/{id}/assign")
    Assignment assign(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody AssignBody body) {
        return assignments.assign(user, List.of(id), body.to()).getFirst();
    }

    @PostMapping("/assign")
    Map<String, List<Assignment>> assignMany(@AuthenticationPrincipal KinshipUser user, @RequestBody AssignBody body) {
        return Map.of("assigned", assignments.assign(user, body.caseIds() == null ? List.of() : body.caseIds(),
                body.to()));
    }
}
