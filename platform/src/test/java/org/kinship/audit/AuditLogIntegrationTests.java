package org.kinship.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.audit.internal.AuditHashing;
import org.kinship.audit.internal.MongoAuditRepository;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class AuditLogIntegrationTests {

    private static final AuditActor WORKER = new AuditActor("u-1", "audit.worker");

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    MongoAuditRepository repository;

    @Autowired
    MongoDatabase database;

    @Autowired
    Clock clock;

    private MongoCollection<Document> raw() {
        return database.getCollection("audit");
    }

    @Test
    void eachEntryLinksToTheHashOfThePreviousOneAndTheChainVerifies() {
        AuditEntry first = audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-1", AuditOutcome.SUCCESS);
        AuditEntry second = audit.record(WORKER, AuditActions.RECORD_CHANGE, "case", "case-1", AuditOutcome.SUCCESS,
                Map.of("fields", "name,age"));

        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.headSequence()).isGreaterThanOrEqualTo(second.sequence());
    }

    @Test
    void verificationNamesTheEntryThatWasEditedDirectlyInMongoDb() {
        audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-2", AuditOutcome.SUCCESS);
        AuditEntry edited = audit.record(WORKER, AuditActions.EXPORT, "case", "case-2", AuditOutcome.SUCCESS,
                Map.of("format", "xlsx"));
        audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-3", AuditOutcome.SUCCESS);
        Document original = raw().find(eq("_id", edited.sequence())).first();

        raw().updateOne(eq("_id", edited.sequence()), set("actorName", "someone.else"));
        try {
            AuditVerification verification = verifier.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenSequence()).isEqualTo(edited.sequence());
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.HASH_MISMATCH);
            assertThat(verification.message()).contains("Entry " + edited.sequence());
        } finally {
            raw().replaceOne(eq("_id", edited.sequence()), original);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryIsReportedAsAGap() {
        AuditEntry deleted = audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-4", AuditOutcome.SUCCESS);
        audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-5", AuditOutcome.SUCCESS);
        Document original = raw().find(eq("_id", deleted.sequence())).first();

        raw().deleteOne(eq("_id", deleted.sequence()));
        try {
            AuditVerification verification = verifier.verify();

            assertThat(verification.brokenSequence()).isEqualTo(deleted.sequence());
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.GAP);
        } finally {
            raw().insertOne(original);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEntryReplacedByAForgeryWithARecomputedHashBreaksTheLinkOfTheNextEntry() {
        AuditEntry replaced = audit.record(WORKER, AuditActions.EXPORT, "case", "case-6", AuditOutcome.SUCCESS);
        AuditEntry next = audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-7", AuditOutcome.SUCCESS);
        Document original = raw().find(eq("_id", replaced.sequence())).first();
        AuditEntry forged = new AuditEntry(replaced.sequence(), replaced.at(), replaced.actorId(), replaced.actorName(),
                AuditActions.RECORD_VIEW, "case", "case-6", AuditOutcome.SUCCESS, Map.of(), replaced.previousHash(), "");
        Document forgery = new Document(original).append("action", forged.action())
                .append("hash", AuditHashing.expectedHash(forged));

        raw().replaceOne(eq("_id", replaced.sequence()), forgery);
        try {
            AuditVerification verification = verifier.verify();

            assertThat(verification.brokenSequence()).isEqualTo(next.sequence());
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.LINK_MISMATCH);
            assertThat(verification.message()).contains("entry " + replaced.sequence());
        } finally {
            raw().replaceOne(eq("_id", replaced.sequence()), original);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRemovedTailIsFoundOnlyAgainstAnAnchorRecordedEarlier() {
        AuditEntry last = audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "case-8", AuditOutcome.SUCCESS);
        AuditVerification before = verifier.verify();
        AuditAnchor anchor = new AuditAnchor(before.headSequence(), before.headHash());
        Document original = raw().find(eq("_id", last.sequence())).first();

        raw().deleteOne(eq("_id", last.sequence()));
        try {
            assertThat(verifier.verify().intact()).isTrue();
            AuditVerification against = verifier.verify(anchor);

            assertThat(against.intact()).isFalse();
            assertThat(against.problem()).isEqualTo(AuditVerification.Problem.TRUNCATED);
            assertThat(against.brokenSequence()).isEqualTo(last.sequence());
            assertThat(verifier.verify(new AuditAnchor(last.sequence() - 1, "0".repeat(64))).problem())
                    .isEqualTo(AuditVerification.Problem.ANCHOR_MISMATCH);
        } finally {
            raw().insertOne(original);
        }
        assertThat(verifier.verify(anchor).intact()).isTrue();
    }

    @Test
    void twoNodesAppendingAtTheSameTimeNeverForkTheChain() throws Exception {
        AuditLog otherNode = new AuditLog(repository, clock);
        long before = audit.record(WORKER, AuditActions.RECORD_VIEW, "case", "c", AuditOutcome.SUCCESS).sequence();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<AuditEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditLog node = i % 2 == 0 ? audit : otherNode;
            String id = "case-" + i;
            futures.add(threads.submit(() -> node.record(WORKER, AuditActions.RECORD_VIEW, "case", id,
                    AuditOutcome.SUCCESS)));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditEntry> future : futures) {
            sequences.add(future.get().sequence());
        }
        threads.shutdown();

        assertThat(sequences).doesNotHaveDuplicates().allSatisfy(sequence -> assertThat(sequence).isGreaterThan(before));
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.headSequence()).isGreaterThanOrEqualTo(before + 40);
    }

    @Test
    void searchFiltersByActorActionAndResource() {
        audit.record(new AuditActor("u-9", "search.worker"), AuditActions.RECORD_VIEW, "case", "case-42",
                AuditOutcome.SUCCESS);
        audit.record(new AuditActor("u-9", "search.worker"), AuditActions.RECORD_CHANGE, "case", "case-42",
                AuditOutcome.SUCCESS);

        AuditPage page = audit.search(new AuditQuery("search.worker", AuditActions.RECORD_CHANGE, null, "case-42",
                null, null), 0, 10);

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.actorId()).isEqualTo("u-9");
            assertThat(entry.action()).isEqualTo(AuditActions.RECORD_CHANGE);
        });
    }
}
