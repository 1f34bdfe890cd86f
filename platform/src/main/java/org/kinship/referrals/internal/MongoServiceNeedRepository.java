package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.kinship.referrals.ServiceNeed;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Service needs of case plans in {@code service_needs}, by case. */
@Repository
public class MongoServiceNeedRepository {

    private final VersionedCollection<ServiceNeed> needs;
    private final RecordLookups<ServiceNeed> lookups;

    MongoServiceNeedRepository(MongoDatabase database, DocumentMapper mapper) {
        this.needs = new VersionedCollection<>(database.getCollection("service_needs"), mapper, ServiceNeed.class,
                "service_need");
        this.lookups = new RecordLookups<>(database.getCollection("service_needs_lookups"),
                need -> List.of("case:" + need.caseId()), ServiceNeed::id);
        if (lookups.isEmpty()) {
            needs.forEach(lookups::add); // needs stored before the lookups existed
        }
        needs.index(Indexes.ascending("caseId"), "case"); // a real MongoDB's plain filter (RecordLookups)
    }

    public Optional<ServiceNeed> find(String id) {
        return needs.find(id);
    }

    public List<ServiceNeed> ofCase(String caseId) {
        return lookups.find(List.of("case:" + caseId), needs::byIds, need -> true,
                Comparator.comparing(ServiceNeed::recordedAt).thenComparing(ServiceNeed::id), 1_000,
                () -> needs.find(eq("caseId", caseId), Sorts.ascending("recordedAt"), 1_000));
    }

    public ServiceNeed insert(ServiceNeed need) {
        lookups.add(need);
        return needs.insert(need, need.id());
    }

    public ServiceNeed replace(long expectedVersion, ServiceNeed next) {
        return needs.replace(next.id(), expectedVersion, next);
    }
}
