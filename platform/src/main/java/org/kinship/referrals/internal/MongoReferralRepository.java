package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralStatus;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Referrals in {@code referrals}; lists by case, sender and recipient go through the lookup keys of
 * {@code referrals_lookups} ({@link RecordLookups}, ADR 0019), so they read only the referrals they answer.
 */
@Repository
public class MongoReferralRepository {

    private static final int MAX = 500;
    private static final Comparator<Referral> NEWEST_FIRST = Comparator.comparing(Referral::createdAt).reversed()
            .thenComparing(Referral::id);

    private final VersionedCollection<Referral> referrals;
    private final RecordLookups<Referral> lookups;

    MongoReferralRepository(MongoDatabase database, DocumentMapper mapper) {
        this.referrals = new VersionedCollection<>(database.getCollection("referrals"), mapper, Referral.class,
                "referral");
        this.lookups = new RecordLookups<>(database.getCollection("referrals_lookups"),
                MongoReferralRepository::keys, Referral::id);
        if (lookups.isEmpty()) {
            referrals.forEach(lookups::add); // referrals stored before the lookups existed
        }
        // used by a real MongoDB when a list is long enough for the plain filter (RecordLookups)
        referrals.index(Indexes.ascending("caseId"), "case");
        referrals.index(Indexes.ascending("fromUserId"), "sender");
        referrals.index(Indexes.ascending("toUserId"), "recipient_user");
        referrals.index(Indexes.ascending("toAgencyCode"), "recipient_agency");
    }

    /** A referral is listed by its case, its sender, and its named recipient or (without one) its agency. */
    static List<String> keys(Referral referral) {
        return List.of(caseKey(referral.caseId()), senderKey(referral.fromUserId()),
                referral.toUserId() != null ? userKey(referral.toUserId()) : agencyKey(referral.toAgencyCode()));
    }

    private static String caseKey(String caseId) {
        return "case:" + caseId;
    }

    private static String senderKey(String userId) {
        return "from:" + userId;
    }

    private static String userKey(String userId) {
        return "to_user:" + userId;
    }

    private static String agencyKey(String agencyCode) {
        return "to_agency:" + agencyCode;
    }

    public Optional<Referral> find(String id) {
        return referrals.find(id);
    }

    public Referral insert(Referral referral) {
        lookups.add(referral);
        return referrals.insert(referral, referral.id());
    }

    /** Replaces a referral (its lookup keys never change: case, sender and recipient are fixed when it is made). */
    public Referral replace(long expectedVersion, Referral next) {
        return referrals.replace(next.id(), expectedVersion, next);
    }

    public List<Referral> ofCase(String caseId) {
        return list(List.of(caseKey(caseId)), null, eq("caseId", caseId));
    }

    public List<Referral> sentBy(String userId, @Nullable ReferralStatus status) {
        return list(List.of(senderKey(userId)), status, eq("fromUserId", userId));
    }

    /** Referrals to the user, or to their agency without a named user. */
    public List<Referral> receivedBy(String userId, @Nullable String agencyCode, @Nullable ReferralStatus status) {
        return agencyCode == null ? list(List.of(userKey(userId)), status, eq("toUserId", userId))
                : list(List.of(userKey(userId), agencyKey(agencyCode)), status,
                        or(eq("toUserId", userId), and(eq("toAgencyCode", agencyCode), eq("toUserId", null))));
    }

    /** The active referrals of a case (few per case: filtered in memory after the indexed read). */
    public List<Referral> activeOfCase(String caseId) {
        List<Referral> active = new ArrayList<>();
        for (Referral referral : ofCase(caseId)) {
            if (referral.status().isActive()) {
                active.add(referral);
            }
        }
        return active;
    }

    /** Every in-progress or accepted referral (for the repair at start; reads the collection once). */
    public List<Referral> active() {
        return referrals.find(in("status", List.of(ReferralStatus.IN_PROGRESS.name(), ReferralStatus.ACCEPTED.name())),
                Sorts.ascending("createdAt"), 100_000);
    }

    private List<Referral> list(List<String> keys, @Nullable ReferralStatus status, Bson plain) {
        return lookups.find(keys, referrals::byIds, r -> status == null || r.status() == status, NEWEST_FIRST, MAX,
                () -> referrals.find(plain, Sorts.descending("createdAt"), 100_000));
    }
}
