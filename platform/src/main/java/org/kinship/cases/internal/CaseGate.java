package org.kinship.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAccessGrant;
import org.kinship.cases.CaseAccessGrants;
import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.security.RecordScope;
import org.kinship.cases.CaseViewed;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldChange;
import org.kinship.security.KinshipUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way into a stored case: reads apply the user's scope (out of scope = not found), writes are
 * conditional on the version, then the case is re-indexed and the event published.
 */
@Component
class CaseGate {

    private static final int ATTEMPTS = 5;

    private final MongoCaseFileRepository cases;
    private final CaseAccessPolicy policy;
    private final CaseIndexer indexer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<CaseAccessGrants> grants;

    CaseGate(MongoCaseFileRepository cases, CaseAccessPolicy policy, CaseIndexer indexer,
            ApplicationEventPublisher events, Clock clock, List<CaseAccessGrants> grants) {
        this.cases = cases;
        this.policy = policy;
        this.grants = List.copyOf(grants);
        this.indexer = indexer;
        this.events = events;
        this.clock = clock;
    }

    /** A change to apply to a case read at some version: the update, its history and the event it causes. */
    record Change(Bson update, List<FieldChange> history, Function<CaseFile, CaseEvent> event) {

        /** Nothing to write: the submitted values are the stored ones. */
        static final Change NONE = new Change(new org.bson.Document(), List.of(), file -> {
            throw new IllegalStateException("no event for no change");
        });
    }

    /** The case as the user may read it: whole within their scope, only the granted sections under a grant. */
    CaseFile visible(KinshipUser user, String caseId) {
        CaseFile file = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (policy.may(user, CaseAction.VIEW, file)) {
            return file;
        }
        return grant(user, caseId).map(granted -> file.sharedOnly(granted.sectionIds()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /**
     * The history entries the reader of {@code visible} (as {@link #read} returned it) may know about: all of them
     * within their scope, the granted sections' entries under a grant.
     */
    List<FieldChange> history(KinshipUser user, CaseFile visible) {
        List<FieldChange> all = cases.history(visible.id());
        if (policy.may(user, CaseAction.VIEW, visible)) {
            return all;
        }
        return all.stream().filter(change -> change.path().contains("/")
                && visible.sections().containsKey(change.path().split("/", 2)[0])).toList();
    }

    private Optional<CaseAccessGrant> grant(KinshipUser user, String caseId) {
        return grants.stream().map(source -> source.grantFor(user, caseId)).flatMap(Optional::stream)
                .filter(granted -> granted.caseId().equals(caseId)).findFirst();
    }

    /** A case the user reads, reported for the access log. */
    CaseFile read(KinshipUser user, String caseId, String what) {
        return viewed(user, visible(user, caseId), what);
    }

    /** Reports for the access log that the user read {@code what} of a case {@link #visible} answered. */
    CaseFile viewed(KinshipUser user, CaseFile file, String what) {
        events.publishEvent(new CaseViewed(file.id(), what, file.version(), user.id(), clock.instant()));
        return file;
    }

    CaseFile allowed(KinshipUser user, String caseId, CaseAction action) {
        CaseFile file = visible(user, caseId);
        if (!policy.may(user, action, file)) {
            throw new CaseRequestRefusedException(Reason.FORBIDDEN, "cases.forbidden");
        }
        return file;
    }

    void requireCreate(KinshipUser user) {
        if (policy.scopeFor(user, CaseAction.CREATE).level() == RecordScope.Level.NONE) {
            throw new CaseRequestRefusedException(Reason.FORBIDDEN, "cases.forbidden");
        }
    }

    /**
     * Writes {@code change} (built from the case as read) on the expected version. Without an expected version
     * the change is rebuilt on the current version and retried when someone else wrote in between.
     */
    CaseFile write(KinshipUser user, String caseId, CaseAction action, @Nullable Long expectedVersion,
            Function<CaseFile, Change> change) {
        for (int attempt = 1; ; attempt++) {
            CaseFile file = allowed(user, caseId, action);
            long version = expectedVersion == null ? file.version() : expectedVersion;
            if (version != file.version()) {
                throw cases.conflict(caseId, version);
            }
            Change built = change.apply(file);
            if (built == Change.NONE) {
                return file;
            }
            try {
                CaseFile after = cases.update(caseId, version, built.update(), built.history());
                stored(after, built.event().apply(after));
                return after;
            } catch (CaseVersionConflictException e) {
                if (expectedVersion != null || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes a change another feature authorised ({@link org.kinship.cases.CaseCustody}): no scope applies, the
     * change is rebuilt on the current version and retried when someone else wrote in between.
     */
    CaseFile writeAuthorised(String caseId, Function<CaseFile, Change> change) {
        for (int attempt = 1; ; attempt++) {
            CaseFile file = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
            Change built = change.apply(file);
            if (built == Change.NONE) {
                return file;
            }
            try {
                CaseFile after = cases.update(caseId, file.version(), built.update(), built.history());
                stored(after, built.event().apply(after));
                return after;
            } catch (CaseVersionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** After a stored write: bring the index up to date and tell the listeners. */
    void stored(CaseFile file, CaseEvent... caused) {
        indexer.refresh(file.id());
        for (CaseEvent event : caused) {
            events.publishEvent(event);
        }
    }

    FieldChange change(String path, @Nullable Object oldValue, @Nullable Object newValue, KinshipUser user,
            long version) {
        return new FieldChange(path, oldValue, newValue, user.id(), clock.instant(), version);
    }
}
