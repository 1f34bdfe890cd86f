package org.kinship.referrals.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.kinship.referrals.ReferralType;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Referral types in {@code referral_types}. A new installation gets {@code standard}, which shares the
 * registration section only.
 */
@Repository
public class MongoReferralTypeRepository {

    static final ReferralType STANDARD = new ReferralType("standard", Map.of("en", "Standard referral",
            "fr", "Référence standard", "es", "Remisión estándar", "ar", "إحالة عادية"), List.of("registration"), 0);

    private final VersionedCollection<ReferralType> types;

    MongoReferralTypeRepository(MongoDatabase database, DocumentMapper mapper) {
        this.types = new VersionedCollection<>(database.getCollection("referral_types"), mapper, ReferralType.class,
                "referral_type");
        if (types.count(Filters.empty()) == 0) {
            try {
                types.insert(STANDARD, STANDARD.id());
            } catch (StaleVersionException e) {
                // another node seeded it first
            }
        }
    }

    public List<ReferralType> all() {
        return types.find(Filters.empty(), Sorts.ascending("_id"), 1_000);
    }

    public Optional<ReferralType> find(String id) {
        return types.find(id);
    }

    /** Creates (version 0) or replaces the type if it still has {@code type.version()}; answers it as stored. */
    public ReferralType save(ReferralType type) {
        if (type.version() == 0 && types.find(type.id()).isEmpty()) {
            return types.insert(type, type.id());
        }
        ReferralType next = new ReferralType(type.id(), type.label(), type.sectionIds(), type.version() + 1);
        return types.replace(type.id(), type.version(), next);
    }
}
