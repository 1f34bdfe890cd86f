package org.kinship.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.kinship.tracing.internal.AgeComparator;
import org.kinship.tracing.internal.InMemoryPotentialMatchStore;
import org.kinship.tracing.internal.MatchScorer;
import org.kinship.tracing.internal.MatchingIndex;
import org.kinship.tracing.internal.PlaceAliases;

/** The matching engine in memory, wired as in production, for tests. */
public final class Matching {

    private Matching() {
    }

    public static MatchScorer scorer() {
        return new MatchScorer(MatchWeights.defaults(), new AgeComparator(0.5, 2), PlaceAliases.defaults());
    }

    public static MatchingIndex index() {
        return new MatchingIndex(new ByteBuffersDirectory(), scorer(), PlaceAliases.defaults(), 100);
    }

    public static MatchingService service() {
        return new MatchingService(index(), new InMemoryPotentialMatchStore(),
                Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC));
    }
}
