package org.kinship.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinship.tracing.Profiles.REGISTERED;
import static org.kinship.tracing.Profiles.aCase;
import static org.kinship.tracing.Profiles.aTracingRequest;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kinship.shared.StaleVersionException;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class MatchingIntegrationTests {

    @Autowired
    MatchingService matching;

    @Autowired
    PotentialMatchStore store;

    @Test
    void aRejectionIsStoredAndTheRejectedPairNeverComesBack() {
        PersonProfile child = aCase("it-case-1").givenNames("Khadija").familyNames("Adam", "Ishaq")
                .sex(Sex.FEMALE).estimatedAge(7, REGISTERED).place(Place.at("TD/OUADDAI/ADRE/MURNEI")).build();
        PersonProfile request = aTracingRequest("it-req-1").givenNames("خديجة").familyNames("آدم")
                .sex(Sex.FEMALE).dateOfBirth(PartialDate.ofYearMonth(2018, 2)).place(Place.named("Mornei"))
                .build();
        matching.profileSaved(child);

        assertThat(matching.rematch(request)).singleElement()
                .satisfies(m -> assertThat(m.label()).isNotEqualTo(MatchLabel.UNLIKELY));
        matching.reject("it-case-1", "it-req-1", "worker-2", "The mother says Khadija has a brother here");

        assertThat(store.find("it-req-1", "it-case-1")).get().extracting(PotentialMatch::state)
                .isEqualTo(ReviewState.REJECTED);
        assertThat(matching.findMatches(request, CandidateFilter.unrestricted(), 10)).isEmpty();
        assertThat(matching.rematch(request)).isEmpty();
    }

    @Test
    void twoReviewersCannotOverwriteEachOther() {
        PotentialMatch saved = store.save(PotentialMatch.detected("it-a", "it-b", 20, MatchLabel.LIKELY,
                Instant.parse("2025-06-01T10:00:00Z")));
        store.save(saved.confirm("worker-1", Instant.parse("2025-06-02T10:00:00Z"), "Same child"));
        assertThatThrownBy(() -> store.save(saved.reject("worker-2", Instant.parse("2025-06-02T10:05:00Z"), "No")))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.save(PotentialMatch.detected("it-b", "it-a", 5, MatchLabel.POSSIBLE,
                Instant.parse("2025-06-03T10:00:00Z")))).isInstanceOf(StaleVersionException.class);
    }
}
