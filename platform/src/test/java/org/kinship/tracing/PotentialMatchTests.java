package org.kinship.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kinship.shared.StaleVersionException;
import org.kinship.tracing.internal.InMemoryPotentialMatchStore;

class PotentialMatchTests {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private final PotentialMatch detected = PotentialMatch.detected("req-9", "case-1", 20, MatchLabel.LIKELY, NOW);

    @Test
    void aPairIsTheSameWhicheverWayRoundItIsFound() {
        assertThat(detected.leftId()).isEqualTo("case-1");
        assertThat(detected.pairKey()).isEqualTo(PotentialMatch.pairKey("case-1", "req-9"));
        assertThat(detected.otherThan("req-9")).isEqualTo("case-1");
    }

    @Test
    void aRejectedPairCannotBeConfirmedOrRescored() {
        PotentialMatch rejected = detected.reject("worker-2", NOW, "Different parents");
        assertThatThrownBy(() -> rejected.confirm("worker-3", NOW, "")).isInstanceOf(IllegalStateException.class);
        assertThat(rejected.rescored(30, MatchLabel.LIKELY)).isEqualTo(rejected);
        assertThat(rejected.review()).isEqualTo(new PotentialMatch.Review("worker-2", NOW, "Different parents"));
    }

    @Test
    void aStaleSaveIsRefused() {
        InMemoryPotentialMatchStore store = new InMemoryPotentialMatchStore();
        PotentialMatch saved = store.save(detected);
        store.save(saved.confirm("worker-2", NOW, "Same child"));
        assertThatThrownBy(() -> store.save(saved.reject("worker-3", NOW, "Not him")))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.save(detected)).isInstanceOf(StaleVersionException.class);
    }
}
