package org.kinship.tracing.internal;

import java.util.Optional;

import org.kinship.cases.CaseClosed;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRecords;
import org.kinship.cases.CaseRegistered;
import org.kinship.cases.CaseReopened;
import org.kinship.cases.CaseSectionChanged;
import org.kinship.consent.ConsentChanged;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.tracing.MatchingService;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestSaved;
import org.kinship.tracing.TracingRequestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the matching index and the potential matches in step with the records: a case registered, edited or
 * reopened, its consent changed, or a tracing request saved is profiled again and re-matched; a closed case
 * leaves the index. A failure here must not undo the write that caused it (it is already stored): it is logged
 * by record id only and the next bulk re-matching repairs it.
 */
@Component
public class MatchingUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingUpdates.class);

    private final CaseRecords cases;
    private final TracingRequestService requests;
    private final ConsentService consent;
    private final ProfileBuilder profiles;
    private final MatchingService matching;

    MatchingUpdates(CaseRecords cases, TracingRequestService requests, ConsentService consent, ProfileBuilder profiles,
            MatchingService matching) {
        this.cases = cases;
        this.requests = requests;
        this.consent = consent;
        this.profiles = profiles;
        this.matching = matching;
    }

    @EventListener
    void on(CaseEvent event) {
        if (event instanceof CaseRegistered || event instanceof CaseSectionChanged || event instanceof CaseReopened) {
            safely(event.caseId(), () -> refreshCase(event.caseId(), true));
        } else if (event instanceof CaseClosed) {
            safely(event.caseId(), () -> matching.profileRemoved(event.caseId()));
        }
    }

    @EventListener
    void on(ConsentChanged event) {
        if (cases.find(event.recordId()).isPresent()) {
            safely(event.recordId(), () -> refreshCase(event.recordId(), true));
        }
    }

    @EventListener
    void on(TracingRequestSaved event) {
        safely(event.requestId(), () -> {
            for (String removed : event.removedSoughtChildren()) {
                matching.profileRemoved(TracingRequest.soughtChildProfileId(event.requestId(), removed));
            }
            requests.find(event.requestId()).ifPresent(request -> refreshRequest(request, true));
        });
    }

    /** Profiles the case again; re-matches it when {@code rematch}, else only indexes it (bulk work). */
    public void refreshCase(String caseId, boolean rematch) {
        Optional<CaseFile> file = cases.find(caseId);
        if (file.isEmpty() || !file.get().isOpen()) {
            matching.profileRemoved(caseId);
            return;
        }
        PersonProfile profile = caseProfile(file.get());
        if (rematch) {
            matching.rematch(profile);
        } else {
            matching.index(profile);
        }
    }

    public PersonProfile caseProfile(CaseFile file) {
        return profiles.fromCase(file, consent.mayProceed(file.id(), ConsentPurpose.TRACING).allowed());
    }

    /** The profiles of the request's sought children, indexed (not yet re-matched). */
    public java.util.List<PersonProfile> requestProfiles(TracingRequest request) {
        java.util.List<PersonProfile> children = profiles.fromRequest(request);
        // children removed from the request while that removal was not yet durable in the index (a crash) leave it
        matching.retainRequestProfiles(request.id(), children.stream().map(PersonProfile::id)
                .collect(java.util.stream.Collectors.toSet()));
        children.forEach(matching::index);
        return children;
    }

    /** Profiles every sought child of the request again and re-matches them (or only indexes them). */
    public void refreshRequest(TracingRequest request, boolean rematch) {
        for (PersonProfile child : profiles.fromRequest(request)) {
            if (rematch) {
                matching.rematch(child);
            } else {
                matching.index(child);
            }
        }
    }

    private static void safely(String recordId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Matching could not be updated for record {} ({}); bulk re-matching will repair it", recordId,
                    e.getClass().getSimpleName());
        }
    }
}
