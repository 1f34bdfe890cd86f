package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NoLockFactory;
import org.junit.jupiter.api.Test;
import org.kinship.tracing.Matching;
import org.kinship.tracing.MatchingService;
import org.kinship.tracing.Profiles;
import org.kinship.tracing.TracingRequest;

/** The matching index's commit plumbing (ADR 0023): saves wait for no commit, an unclean stop is detected. */
class MatchingIndexCommitTests {

    /** Without a lock, so that a second index can open the directory the way a restart after a crash would. */
    private final Directory directory = new ByteBuffersDirectory(NoLockFactory.INSTANCE);

    private MatchingIndex open() {
        return new MatchingIndex(directory, Matching.scorer(), PlaceAliases.defaults(), 100);
    }

    private static MatchingService service(MatchingIndex index) {
        return new MatchingService(index, new InMemoryPotentialMatchStore(), java.time.Clock.systemUTC());
    }

    @Test
    void aNewIndexAndOneClosedBeforeCountAsClosedCleanly() throws Exception {
        MatchingIndex first = open();
        assertThat(first.closedCleanly()).isTrue();
        first.put(Profiles.named("Amina", "Diallo"));
        first.close();

        try (MatchingIndex second = open()) {
            assertThat(second.closedCleanly()).isTrue();
            assertThat(second.size()).isEqualTo(1);
        }
    }

    @Test
    void anIndexNotClosedIsReportedAtTheNextOpenEvenWhenItsWritesWereCommitted() throws Exception {
        MatchingIndex crashed = open();
        crashed.put(Profiles.named("Amina", "Diallo"));
        crashed.commit();
        crashed.put(Profiles.aCase("lost").givenNames("Omar").build());
        assertThat(crashed.hasUncommittedChanges()).isTrue();
        // no close: the process died

        try (MatchingIndex restarted = open()) {
            assertThat(restarted.closedCleanly()).isFalse();
            assertThat(restarted.profile("lost")).isEmpty();
        }
        try (MatchingIndex afterCleanStop = open()) {
            assertThat(afterCleanStop.closedCleanly()).isTrue();
        }
    }

    @Test
    void aSaveIsSearchableAtOnceWithoutACommit() throws Exception {
        try (MatchingIndex index = open()) {
            MatchingService matching = service(index);
            matching.profileSaved(Profiles.aCase("c1").givenNames("Amina").build());
            assertThat(matching.profile("c1")).isPresent();
            assertThat(index.hasUncommittedChanges()).isTrue();
            matching.commit();
            assertThat(index.hasUncommittedChanges()).isFalse();
        }
    }

    @Test
    void soughtChildrenNoLongerOnTheirRequestLeaveTheIndex() throws Exception {
        try (MatchingIndex index = open()) {
            MatchingService matching = service(index);
            String kept = TracingRequest.soughtChildProfileId("r1", "a");
            String removed = TracingRequest.soughtChildProfileId("r1", "b");
            String otherRequest = TracingRequest.soughtChildProfileId("r10", "a");
            for (String id : Set.of(kept, removed, otherRequest)) {
                matching.profileSaved(Profiles.aTracingRequest(id).givenNames("Amina").build());
            }

            matching.retainRequestProfiles("r1", Set.of(kept));

            assertThat(matching.profile(kept)).isPresent();
            assertThat(matching.profile(removed)).isEmpty();
            assertThat(matching.profile(otherRequest)).isPresent();
        }
    }
}
