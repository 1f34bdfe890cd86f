package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
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

/** Referrals in {@code referrals}, indexed by case, sender and recipient. */
@Repository
public class MongoReferralRepository {

    private static final int MAX = 500;

    private final VersionedCollection<Referral> referrals;

    MongoReferralRepository(MongoDatabase database, DocumentMapper mapper) {
        this.referrals = new VersionedCollection<>(database.getCollection("referrals"), mapper, Referral.class,
                "referral");
        referrals.index(Indexes.ascending("caseId"), "case");
        referrals.index(Indexes.ascending("fromUserId"), "sender");
        referrals.index(Indexes.ascending("toUserId"), "recipient_user");
        referrals.index(Indexes.ascending("toAgencyCode"), "recipient_agency");
    }

    public Optional<Referral> find(String id) {
        return referrals.find(id);
    }

    public Referral insert(Referral referral) {
        return referrals.insert(referral, referral.id());
    }

    public Referral replace(long expectedVersion, Referral next) {
        return referrals.replace(next.id(), expectedVersion, next);
    }

    public List<Referral> ofCase(String caseId) {
        return referrals.find(eq("caseId", caseId), Sorts.descending("createdAt"), MAX);
    }

    public List<Referral> sentBy(String userId, @Nullable ReferralStatus status) {
        return referrals.find(withStatus(eq("fromUserId", userId), status), Sorts.descending("createdAt"), MAX);
    }

    /** Referrals to the user, or to their agency without a named user. */
    public List<Referral> receivedBy(String userId, @Nullable String agencyCode, @Nullable ReferralStatus status) {
        Bson toThem = agencyCode == null ? eq("toUserId", userId)
                : or(eq("toUserId", userId), and(eq("toAgencyCode", agencyCode), eq("toUserId", null)));
        return referrals.find(withStatus(toThem, status), Sorts.descending("createdAt"), MAX);
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

    /** Every in-progress or accepted referral (for the repair at start). */
    public List<Referral> active() {
        return referrals.find(in("status", List.of(ReferralStatus.IN_PROGRESS.name(), ReferralStatus.ACCEPTED.name())),
                Sorts.ascending("createdAt"), 100_000);
    }

    private static Bson withStatus(Bson filter, @Nullable ReferralStatus status) {
        return status == null ? filter : and(filter, in("status", List.of(status.name())));
    }
}
