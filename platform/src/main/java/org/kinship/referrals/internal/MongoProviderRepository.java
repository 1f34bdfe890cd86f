package org.kinship.referrals.internal;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.kinship.referrals.ServiceProvider;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Providers of the service directory in {@code service_providers}. The directory is small: it is read whole. */
@Repository
public class MongoProviderRepository {

    private static final int MAX = 10_000;

    private final VersionedCollection<ServiceProvider> providers;

    MongoProviderRepository(MongoDatabase database, DocumentMapper mapper) {
        this.providers = new VersionedCollection<>(database.getCollection("service_providers"), mapper,
                ServiceProvider.class, "provider");
        providers.index(Indexes.ascending("services"), "services");
    }

    public List<ServiceProvider> all() {
        return providers.find(Filters.empty(), Sorts.ascending("name"), MAX);
    }

    public List<ServiceProvider> offering(String serviceType) {
        return providers.find(Filters.eq("services", serviceType), Sorts.ascending("name"), MAX);
    }

    public long countOffering(String serviceType) {
        return providers.count(Filters.eq("services", serviceType));
    }

    public Optional<ServiceProvider> find(String id) {
        return providers.find(id);
    }

    public ServiceProvider insert(ServiceProvider provider) {
        return providers.insert(provider, provider.id());
    }

    /** Stores {@code next} if the stored provider still has {@code expectedVersion}. */
    public ServiceProvider replace(long expectedVersion, ServiceProvider next) {
        return providers.replace(next.id(), expectedVersion, next);
    }
}
