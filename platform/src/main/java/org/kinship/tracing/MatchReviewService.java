package org.kinship.tracing;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRecords;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionService;
import org.kinship.tracing.TracingRefusedException.Reason;
import org.kinship.tracing.internal.CandidateScopes;
import org.kinship.tracing.internal.MatchingUpdates;
import org.kinship.tracing.internal.ProfileBuilder;
import org.springframework.stereotype.Service;

/**
 * What reviewers do with the matching engine, on behalf of a user: candidates of a tracing request or a case
 * (only those within the user's scopes; only consenting cases), confirming and rejecting pairs (recorded on
 * both records), likely duplicates of a child not yet registered, and the person search. Every answer that
 * shows child data is audited.
 */
@Service
public class MatchReviewService implements org.kinship.cases.CaseMergeParticipant {

    private static final int CANDIDATES = 20;

    private final MatchingService matching;
    private final TracingRequestService requests;
    private final CaseRecords cases;
    private final CandidateScopes scopes;
    private final MatchingUpdates updates;
    private final ProfileBuilder profiles;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;

    MatchReviewService(MatchingService matching, TracingRequestService requests, CaseRecords cases,
            CandidateScopes scopes, MatchingUpdates updates, ProfileBuilder profiles, PermissionService permissions,
            AuditLog audit, Clock clock) {
        this.matching = matching;
        this.requests = requests;
        this.cases = cases;
        this.scopes = scopes;
        this.updates = updates;
        this.profiles = profiles;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Candidate cases of every child the request seeks, best first per child. */
    public List<CandidateView> forRequest(KinshipUser user, String requestId) {
        if (!requests.mayView(user, requestId)) {
            throw new TracingRequestNotFoundException(requestId);
        }
        TracingRequest request = requests.find(requestId).orElseThrow(() -> new TracingRequestNotFoundException(requestId));
        CandidateFilter filter = scopes.forUser(user);
        List<CandidateView> views = new ArrayList<>();
        for (PersonProfile child : profiles.fromRequest(request)) {
            matching.findMatches(child, filter, CANDIDATES).stream().filter(c -> c.label() != MatchLabel.UNLIKELY)
                    .forEach(c -> views.add(view(child.id(), c)));
        }
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "tracing_request", requestId, AuditOutcome.SUCCESS,
                Map.of("part", "matches", "count", String.valueOf(views.size())));
        return views;
    }

    /** Candidate sought children for the case; none when the case has no consent for tracing. */
    public List<CandidateView> forCase(KinshipUser user, String caseId) {
        CaseFile file = visibleCase(user, caseId);
        PersonProfile profile = updates.caseProfile(file);
        List<CandidateView> views = matching.findMatches(profile, scopes.forUser(user), CANDIDATES).stream()
                .filter(c -> c.label() != MatchLabel.UNLIKELY).map(c -> view(caseId, c)).toList();
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "case", caseId, AuditOutcome.SUCCESS,
                Map.of("part", "matches", "count", String.valueOf(views.size())));
        return views;
    }

    /** Whether the case's consent allows tracing (the review view says why it lists nothing). */
    public boolean consentsToTracing(KinshipUser user, String caseId) {
        return updates.caseProfile(visibleCase(user, caseId)).consentForTracing();
    }

    /**
     * Confirms that the two profiles are the same child and records the link on both records (a tracing
     * request and a case; or two cases, duplicates).
     */
    public PotentialMatch confirm(KinshipUser user, String matchId, @Nullable String comment) {
        String[] ids = reviewable(user, matchId);
        PotentialMatch confirmed;
        try {
            confirmed = matching.confirm(ids[0], ids[1], user.id(), comment == null ? "" : comment.strip());
        } catch (IllegalStateException e) {
            throw new TracingRefusedException(Reason.CONFLICT, "tracing.match.reviewed");
        } catch (IllegalArgumentException e) {
            throw new TracingRequestNotFoundException(matchId);
        }
        link(user, ids, true);
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "potential_match", matchId, AuditOutcome.SUCCESS,
                Map.of("state", "confirmed"));
        return confirmed;
    }

    /** Rejects the pair for good (a comment is required); a confirmed link is withdrawn from both records. */
    public PotentialMatch reject(KinshipUser user, String matchId, @Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new TracingRefusedException(Reason.BAD_REQUEST, "tracing.match.commentRequired");
        }
        String[] ids = reviewable(user, matchId);
        boolean wasConfirmed = matching.storedPair(ids[0], ids[1]).filter(m -> m.state() == ReviewState.CONFIRMED)
                .isPresent();
        PotentialMatch rejected;
        try {
            rejected = matching.reject(ids[0], ids[1], user.id(), comment.strip());
        } catch (IllegalStateException e) {
            throw new TracingRefusedException(Reason.CONFLICT, "tracing.match.reviewed");
        }
        if (wasConfirmed) {
            link(user, ids, false);
        }
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "potential_match", matchId, AuditOutcome.SUCCESS,
                Map.of("state", "rejected"));
        return rejected;
    }

    /**
     * Cases within the user's scope that may be the child about to be registered (same engine, case against
     * case), likely and possible ones, best first.
     */
    public List<CandidateView> likelyDuplicates(KinshipUser user, String name, @Nullable String sex,
            @Nullable Integer age, @Nullable String dateOfBirth) {
        if (name.isBlank()) {
            throw new TracingRefusedException(Reason.BAD_REQUEST, "tracing.duplicates.nameRequired");
        }
        if (!permissions.can(user, Resource.CASE, Action.CREATE) && !permissions.can(user, Resource.CASE, Action.VIEW)) {
            throw permissions.deny(user, Resource.CASE, Action.VIEW, null, "missing_permission");
        }
        PersonProfile unsaved = profiles.unsaved(name, sex, age, dateOfBirth,
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        List<CandidateView> views = matching.findDuplicates(unsaved, scopes.forUser(user), 10).stream()
                .filter(c -> c.label() != MatchLabel.UNLIKELY).map(c -> view(unsaved.id(), c)).toList();
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "case", null, AuditOutcome.SUCCESS,
                Map.of("part", "duplicates", "count", String.valueOf(views.size())));
        return views;
    }

    /** Other open cases within the user's scope that may be this case's child registered twice, best first. */
    public List<CandidateView> duplicatesOf(KinshipUser user, String caseId) {
        CaseFile file = visibleCase(user, caseId);
        if (!file.isOpen()) {
            return List.of();
        }
        PersonProfile profile = updates.caseProfile(file);
        List<CandidateView> views = matching.findDuplicates(profile, scopes.forUser(user), CANDIDATES).stream()
                .filter(c -> c.label() != MatchLabel.UNLIKELY && !c.profileId().equals(caseId))
                .map(c -> view(caseId, c)).toList();
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "case", caseId, AuditOutcome.SUCCESS,
                Map.of("part", "duplicates", "count", String.valueOf(views.size())));
        return views;
    }

    /**
     * A duplicate case was merged into {@code survivor}: its confirmed and rejected pairs become the survivor's
     * (confirmed links recorded on the survivor and on the other record, where the user can see it), a new pair of
     * the two cases is confirmed, and the survivor is re-matched. Pairs still new are left: re-matching finds them.
     */
    @Override
    public void merged(KinshipUser user, CaseFile survivor, CaseFile duplicate) {
        for (PotentialMatch pair : matching.pairsOf(duplicate.id())) {
            String other = pair.otherThan(duplicate.id());
            if (other.equals(survivor.id())) {
                if (pair.state() == ReviewState.NEW) {
                    matching.confirm(survivor.id(), duplicate.id(), user.id(), "");
                }
            } else if (matching.carryReview(pair, duplicate.id(), survivor.id())
                    && pair.state() == ReviewState.CONFIRMED && mayView(user, other)) {
                link(user, new String[] {survivor.id(), other}, true);
            }
        }
        updates.refreshCase(survivor.id(), true);
    }

    /** Cases and sought children whose names sound like {@code query}, in any script, within the user's scopes. */
    public List<PersonHit> searchPersons(KinshipUser user, String query, int limit) {
        if (query.isBlank() || limit < 1 || limit > 100) {
            throw new TracingRefusedException(Reason.BAD_REQUEST, "tracing.search.queryRequired");
        }
        List<PersonHit> hits = matching.searchByName(query, scopes.forUser(user), limit).stream()
                .map(hit -> new PersonHit(hit.kind(), recordId(hit.profileId(), hit.kind()),
                        recordNumber(hit.profileId(), hit.kind()), hit.names(), hit.similarity()))
                .toList();
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "person_search", null, AuditOutcome.SUCCESS,
                Map.of("part", "search", "count", String.valueOf(hits.size())));
        return hits;
    }

    /** Pairs of cases the duplicate scan found and nobody reviewed yet (administrators, no values shown). */
    public List<DuplicatePair> duplicatePairs(KinshipUser user, int limit) {
        permissions.requireEverywhere(user, Resource.MATCHING, Action.MANAGE, null);
        List<DuplicatePair> pairs = new ArrayList<>();
        for (PotentialMatch match : matching.pairsInState(ReviewState.NEW, 5_000)) {
            if (pairs.size() >= limit) {
                break;
            }
            if (kindOf(match.leftId()) != ProfileKind.CASE || kindOf(match.rightId()) != ProfileKind.CASE) {
                continue;
            }
            Map<MatchField, Agreement> agreements = new EnumMap<>(MatchField.class);
            matching.score(match.leftId(), match.rightId()).ifPresent(scored -> scored.comparisons()
                    .forEach(comparison -> agreements.put(comparison.field(), comparison.agreement())));
            pairs.add(new DuplicatePair(MatchReferences.of(match.leftId(), match.rightId()), match.leftId(),
                    recordNumber(match.leftId(), ProfileKind.CASE), match.rightId(),
                    recordNumber(match.rightId(), ProfileKind.CASE), match.score(), match.label(), agreements));
        }
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "potential_match", null, AuditOutcome.SUCCESS,
                Map.of("part", "duplicates", "count", String.valueOf(pairs.size())));
        return pairs;
    }

    /** A case or a sought child: sought children's profile ids name their request. */
    public static ProfileKind kindOf(String profileId) {
        return TracingRequest.soughtChildIdOf(profileId) != null ? ProfileKind.TRACING_REQUEST : ProfileKind.CASE;
    }

    private CandidateView view(String searchedId, MatchCandidate candidate) {
        Optional<PotentialMatch> stored = matching.storedPair(searchedId, candidate.profileId());
        return new CandidateView(MatchReferences.of(searchedId, candidate.profileId()), searchedId,
                candidate.profileId(), candidate.kind(), recordId(candidate.profileId(), candidate.kind()),
                recordNumber(candidate.profileId(), candidate.kind()),
                matching.profile(candidate.profileId()).map(PersonProfile::allNames).orElse(List.of()),
                candidate.score(), candidate.label(), stored.map(PotentialMatch::state).orElse(ReviewState.NEW),
                candidate.comparisons(), stored.map(PotentialMatch::review).orElse(null));
    }

    private static String recordId(String profileId, ProfileKind kind) {
        return kind == ProfileKind.CASE ? profileId : TracingRequest.requestIdOf(profileId);
    }

    private String recordNumber(String profileId, ProfileKind kind) {
        return kind == ProfileKind.CASE
                ? cases.find(profileId).map(CaseFile::caseNumber).orElse("")
                : requests.find(TracingRequest.requestIdOf(profileId)).map(TracingRequest::requestNumber).orElse("");
    }

    private CaseFile visibleCase(KinshipUser user, String caseId) {
        return cases.find(caseId)
                .filter(f -> scopes.mayViewCase(user, f.ownerId(), f.assignedIds(), f.groupIds(), f.agencyCode()))
                .orElseThrow(() -> new TracingRequestNotFoundException(caseId));
    }

    /** The pair's ids, when the user may review it: both records within their scope (or, for two cases, an administrator of matching). */
    private String[] reviewable(KinshipUser user, String matchId) {
        String[] ids = MatchReferences.decode(matchId);
        boolean matchingAdmin = kindOf(ids[0]) == ProfileKind.CASE && kindOf(ids[1]) == ProfileKind.CASE
                && permissions.widestScope(user, Resource.MATCHING, Action.MANAGE).filter(s -> s == Scope.ALL)
                        .isPresent();
        if (!matchingAdmin && !(mayView(user, ids[0]) && mayView(user, ids[1]))) {
            throw new TracingRequestNotFoundException(matchId);
        }
        // a review links (or unlinks) the records: it changes them, so seeing both is not enough
        if (!matchingAdmin && !(mayEdit(user, ids[0]) && mayEdit(user, ids[1]))) {
            throw permissions.deny(user, Resource.TRACING_REQUEST, Action.EDIT, matchId, "missing_permission");
        }
        return ids;
    }

    private boolean mayEdit(KinshipUser user, String profileId) {
        if (kindOf(profileId) == ProfileKind.TRACING_REQUEST) {
            return requests.mayEdit(user, TracingRequest.requestIdOf(profileId));
        }
        return cases.find(profileId).filter(f -> permissions.scopeFor(user, Resource.CASE, Action.EDIT)
                .permits(f.ownerId(), f.assignedIds(), f.groupIds(), f.agencyCode())).isPresent();
    }

    private boolean mayView(KinshipUser user, String profileId) {
        if (kindOf(profileId) == ProfileKind.TRACING_REQUEST) {
            return requests.mayView(user, TracingRequest.requestIdOf(profileId));
        }
        return cases.find(profileId)
                .filter(f -> scopes.mayViewCase(user, f.ownerId(), f.assignedIds(), f.groupIds(), f.agencyCode()))
                .isPresent();
    }

    /** Records the link (or its withdrawal) on both records the user can see. */
    private void link(KinshipUser user, String[] ids, boolean linked) {
        String first = ids[0];
        String second = ids[1];
        if (kindOf(first) == ProfileKind.CASE && kindOf(second) == ProfileKind.CASE) {
            linkCase(user, first, "duplicate", second, recordNumber(second, ProfileKind.CASE), linked);
            linkCase(user, second, "duplicate", first, recordNumber(first, ProfileKind.CASE), linked);
            return;
        }
        String child = kindOf(first) == ProfileKind.TRACING_REQUEST ? first : second;
        String caseId = child.equals(first) ? second : first;
        String requestId = TracingRequest.requestIdOf(child);
        String caseNumber = recordNumber(caseId, ProfileKind.CASE);
        requests.recordLink(user, requestId, java.util.Objects.requireNonNull(TracingRequest.soughtChildIdOf(child)), caseId, caseNumber, linked);
        linkCase(user, caseId, "tracing_request", requestId, recordNumber(child, ProfileKind.TRACING_REQUEST), linked);
    }

    private void linkCase(KinshipUser user, String caseId, String kind, String targetId, String targetNumber,
            boolean linked) {
        if (mayView(user, caseId)) {
            cases.recordLink(user, caseId, kind, targetId, targetNumber, linked);
        }
    }
}
