package org.kinship.referrals.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kinship.referrals.Referral;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.shared.internal.mongo.EmbeddedMongoServer;

/**
 * Not a unit test: run with {@code mvn -o -pl platform test -Pbenchmarks -Dtest=ReferralLookupBenchmark
 * -Dbenchmark.referrals=20000}. Stores that many referrals (5 per case, 40 senders in 4 agencies, to the other
 * agencies, one in four to a named user) on the embedded MongoDB server in memory and times the lists by case,
 * sender and recipient as the repository answers them (lookup keys, ADR 0019) and, for comparison, the same lists
 * as plain equality filters on the indexed fields (what the repository did before: the embedded server ignores the
 * secondary indexes and reads the whole collection). Writes {@code target/benchmarks/referral-lookups.md}.
 */
class ReferralLookupBenchmark {

    private static final int QUERIES = Integer.getInteger("benchmark.queries", 50);

    @Test
    void referralListsWithManyReferrals() throws IOException {
        Assumptions.assumeTrue(System.getProperty("benchmark.referrals") != null,
                "run with -Pbenchmarks -Dtest=ReferralLookupBenchmark -Dbenchmark.referrals=20000");
        int total = Integer.getInteger("benchmark.referrals", 20_000);
        DocumentMapper mapper = new DocumentMapper();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("benchmark");
            MongoReferralRepository repository = new MongoReferralRepository(database, mapper);
            String[] agencies = {"A", "B", "C", "D"};
            long started = System.nanoTime();
            for (int n = 0; n < total; n++) {
                String from = "worker-" + (n % 40);
                String toAgency = agencies[(n % 40 / 10 + 1 + n % 3) % 4];
                String toUser = n % 4 == 0 ? "worker-" + (toAgency.charAt(0) - 'A') * 10 : null;
                Referral referral = ReferralLookupsTests.referral("r" + n, "case-" + n / 5, from, toAgency, toUser,
                        n);
                repository.insert(referral);
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            MongoCollection<Document> collection = database.getCollection("referrals");

            List<String> rows = new ArrayList<>();
            rows.add(row("referrals of a case (5)", () -> repository.ofCase("case-" + total / 10),
                    () -> collection.find(new Document("caseId", "case-" + total / 10)).map(d -> mapper.fromDocument(d, Referral.class)).into(new ArrayList<>())));
            rows.add(row("sent by a worker (" + total / 40 + ")", () -> repository.sentBy("worker-7", null),
                    () -> collection.find(new Document("fromUserId", "worker-7")).map(d -> mapper.fromDocument(d, Referral.class)).into(new ArrayList<>())));
            rows.add(row("received by a worker and their agency", () -> repository.receivedBy("worker-10", "B", null),
                    () -> collection.find(new Document("toAgencyCode", "B")).map(d -> mapper.fromDocument(d, Referral.class)).into(new ArrayList<>())));
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%d referrals stored in %.1f s (with their lookup keys)%n%n", total, loadSeconds));
            table.append("| list | lookup keys p50 / p95 (ms) | plain filter, scanned p50 / p95 (ms) |\n")
                    .append("|---|---:|---:|\n");
            rows.forEach(row -> table.append(row).append('\n'));
            System.out.println(table);
            Path out = Path.of("target", "benchmarks", "referral-lookups.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
        }
    }

    // both columns answer Referral records (mapped from BSON), as the repository does

    private static String row(String name, Supplier<List<?>> lookup, Supplier<List<?>> plain) {
        double[] a = time(lookup);
        double[] b = time(plain);
        return String.format(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f |", name, a[0], a[1], b[0], b[1]);
    }

    private static double[] time(Supplier<List<?>> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[QUERIES / 2], millis[Math.min(QUERIES - 1, (int) Math.ceil(QUERIES * 0.95) - 1)]};
    }
}
