package org.kinship.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinship.tracing.Profiles.aCase;

import java.util.List;

import org.junit.jupiter.api.Test;

class MatchingServiceTests {

    private final MatchingService matching = Matching.service();

    private final PersonProfile child = Profiles.moustaphaRegistered().familyMemberNames("Houssein Ali").build();
    private final PersonProfile request = Profiles.mustafaSought().place(Place.named("Kalma camp"))
            .familyMemberNames("حسين علي").build();

    @Test
    void rematchingRecordsALikelyPairAsNew() {
        matching.profileSaved(child);
        List<PotentialMatch> found = matching.rematch(request);
        assertThat(found).singleElement().satisfies(match -> {
            assertThat(match.pairKey()).isEqualTo("case-1|req-1");
            assertThat(match.state()).isEqualTo(ReviewState.NEW);
            assertThat(match.label()).isEqualTo(MatchLabel.LIKELY);
        });
    }

    @Test
    void aRejectedPairNeverComesBack() {
        matching.profileSaved(child);
        matching.rematch(request);
        matching.reject("req-1", "case-1", "worker-2", "Different mother, confirmed by phone");

        assertThat(matching.findMatches(request, CandidateFilter.unrestricted(), 10)).isEmpty();
        assertThat(matching.rematch(request)).isEmpty();
        matching.profileSaved(aCase("case-1").givenNames("Mustafa").familyNames("Hussein").build());
        assertThat(matching.findMatches(request, CandidateFilter.unrestricted(), 10)).isEmpty();
        assertThat(matching.potentialMatches("req-1", CandidateFilter.unrestricted()))
                .singleElement().extracting(PotentialMatch::state).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void aConfirmedPairKeepsItsReview() {
        matching.profileSaved(child);
        matching.rematch(request);
        PotentialMatch confirmed = matching.confirm("case-1", "req-1", "worker-2", "Mother recognised the photo");
        assertThat(confirmed.state()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(matching.rematch(request)).isEmpty();
        assertThatThrownBy(() -> matching.confirm("case-1", "req-1", "worker-3", "again"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRejectionNeedsAComment() {
        matching.profileSaved(child);
        matching.rematch(request);
        assertThatThrownBy(() -> matching.reject("case-1", "req-1", "worker-2", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void potentialMatchesOutsideTheUsersScopeAreHidden() {
        matching.profileSaved(child);
        matching.rematch(request);
        assertThat(matching.potentialMatches("req-1", CandidateFilter.agencies("UNICEF"))).hasSize(1);
        assertThat(matching.potentialMatches("req-1", CandidateFilter.agencies("SAVE"))).isEmpty();
    }
}
