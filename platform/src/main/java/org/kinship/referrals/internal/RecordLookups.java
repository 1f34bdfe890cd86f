package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Lookup keys of one collection of records ({@code <collection>_lookups}, ADR 0019): one document per key
 * ({@code _id} = e.g. {@code case:<caseId>}, {@code from:<userId>}) holding the ids of the records with that key in
 * the order they were written. A list by case, sender or recipient reads one lookup document and then the records
 * by {@code _id $in}: both served by the {@code _id} index, also on the embedded MongoDB server, which ignores
 * secondary indexes and would otherwise read the whole collection for every list (docs/benchmarks.md). A key with
 * many records (more than {@value #READ_BY_ID_UP_TO}) is answered by the plain filter instead, which is cheaper
 * there. A record's
 * keys are written before the record (idempotently), so a crash between the two leaves only an id that matches
 * nothing, never a record that a list misses.
 */
final class RecordLookups<T> {

    /** Ids per read: the embedded server checks every returned document against the whole {@code $in} list. */
    private static final int CHUNK = 50;
    /**
     * Above this many ids the plain filter is cheaper: on the embedded server a read by id costs about a hundred
     * document steps of a scan (docs/benchmarks.md, referral lists), and a real MongoDB answers the filter from
     * its secondary index.
     */
    static final int READ_BY_ID_UP_TO = 200;

    private final MongoCollection<Document> lookups;
    private final Function<T, Collection<String>> keysOf;
    private final Function<T, String> idOf;

    RecordLookups(MongoCollection<Document> lookups, Function<T, Collection<String>> keysOf,
            Function<T, String> idOf) {
        this.lookups = lookups;
        this.keysOf = keysOf;
        this.idOf = idOf;
    }

    /** Notes the record under each of its keys (before the record is written). */
    void add(T record) {
        for (String key : keysOf.apply(record)) {
            lookups.updateOne(eq("_id", key), Updates.addToSet("ids", idOf.apply(record)),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Whether no key was written yet (a collection from before the lookups, or an empty one). */
    boolean isEmpty() {
        return lookups.find().limit(1).first() == null;
    }

    /**
     * Up to {@code limit} records under any of {@code keys} that pass {@code filter}, ordered by {@code order}
     * (newest first). Each key's ids are read in chunks from the newest written back until {@code limit} records
     * passed, so the newest {@code limit} of all keys are among those read.
     */
    List<T> find(Collection<String> keys, Function<List<String>, List<T>> byIds, Predicate<T> filter,
            Comparator<T> order, int limit, Supplier<List<T>> scan) {
        List<Document> lookupDocuments = lookups(keys);
        int total = lookupDocuments.stream().mapToInt(l -> l.getList("ids", String.class, List.of()).size()).sum();
        if (total > READ_BY_ID_UP_TO) {
            List<T> all = new ArrayList<>(scan.get().stream().filter(filter).toList());
            all.sort(order);
            return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
        }
        Map<String, T> found = new LinkedHashMap<>();
        for (Document lookup : lookupDocuments) {
            List<String> ids = lookup.getList("ids", String.class, List.of());
            int passed = 0;
            for (int end = ids.size(); end > 0 && passed < limit; end -= CHUNK) {
                for (T record : byIds.apply(ids.subList(Math.max(0, end - CHUNK), end))) {
                    if (filter.test(record)) {
                        passed++;
                        found.putIfAbsent(idOf.apply(record), record);
                    }
                }
            }
        }
        List<T> sorted = new ArrayList<>(found.values());
        sorted.sort(order);
        return sorted.size() > limit ? List.copyOf(sorted.subList(0, limit)) : sorted;
    }

    private List<Document> lookups(Collection<String> keys) {
        if (keys.size() == 1) {
            Document lookup = lookups.find(eq("_id", keys.iterator().next())).first();
            return lookup == null ? List.of() : List.of(lookup);
        }
        return keys.isEmpty() ? List.of() : lookups.find(in("_id", List.copyOf(keys))).into(new ArrayList<>());
    }
}
