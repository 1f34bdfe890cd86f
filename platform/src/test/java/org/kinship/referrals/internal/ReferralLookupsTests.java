package org.kinship.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralStatus;
import org.kinship.referrals.StatusChange;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.shared.internal.mongo.EmbeddedMongoServer;

/**
 * The referral lists by case, sender and recipient through the lookup keys (ADR 0019), on the embedded server:
 * the right referrals, newest first, the status filter, and referrals stored before the lookups existed.
 */
class ReferralLookupsTests {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private final DocumentMapper mapper = new DocumentMapper();
    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.startInMemory();
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("lookups");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void listsByCaseSenderAndRecipientAnswerTheirReferralsNewestFirst() {
        MongoReferralRepository repository = new MongoReferralRepository(database, mapper);
        repository.insert(referral("r1", "case-1", "alice", "B", null, 1));
        repository.insert(referral("r2", "case-1", "alice", "B", "bob", 2));
        repository.insert(referral("r3", "case-2", "carol", "B", null, 3));
        repository.insert(referral("r4", "case-3", "alice", "C", null, 4));
        Referral accepted = repository.find("r1").orElseThrow().accept("dave", T0.plusSeconds(10)).withVersion(1);
        repository.replace(0, accepted);

        assertThat(ids(repository.ofCase("case-1"))).containsExactly("r2", "r1");
        assertThat(ids(repository.sentBy("alice", null))).containsExactly("r4", "r2", "r1");
        assertThat(ids(repository.sentBy("alice", ReferralStatus.ACCEPTED))).containsExactly("r1");
        assertThat(ids(repository.receivedBy("bob", "B", null))).as("to bob by name and to his agency")
                .containsExactly("r3", "r2", "r1");
        assertThat(ids(repository.receivedBy("erin", "B", ReferralStatus.IN_PROGRESS))).containsExactly("r3");
        assertThat(ids(repository.receivedBy("erin", "C", null))).containsExactly("r4");
        assertThat(ids(repository.activeOfCase("case-1"))).containsExactly("r2", "r1");
    }

    @Test
    void referralsStoredBeforeTheLookupsAreFoundAfterTheNextStart() {
        database.getCollection("referrals").insertOne(mapper.toDocument(referral("old", "case-9", "alice", "B",
                null, 1)));

        MongoReferralRepository repository = new MongoReferralRepository(database, mapper);

        assertThat(ids(repository.ofCase("case-9"))).containsExactly("old");
        assertThat(ids(repository.receivedBy("bob", "B", null))).containsExactly("old");
    }

    @Test
    void aKeyWrittenWithoutItsReferralMatchesNothing() {
        MongoReferralRepository repository = new MongoReferralRepository(database, mapper);
        database.getCollection("referrals_lookups").insertOne(new org.bson.Document("_id", "case:case-5")
                .append("ids", List.of("crashed-before-insert")));

        assertThat(repository.ofCase("case-5")).isEmpty();
    }

    static Referral referral(String id, String caseId, String from, String toAgency, @Nullable String toUser,
            int minutes) {
        Instant at = T0.plusSeconds(60L * minutes);
        return new Referral(id, caseId, "psychosocial", "standard", List.of("registration"), null, toAgency, toUser,
                from, "A", "need-" + id, ReferralStatus.IN_PROGRESS, "consent.given", at, at.plusSeconds(3600),
                List.of(new StatusChange("in_progress", from, at, null)), null, 0);
    }

    private static List<String> ids(List<Referral> referrals) {
        return referrals.stream().map(Referral::id).toList();
    }
}
