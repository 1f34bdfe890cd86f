package org.kinship.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A service provider of the directory: an agency's offer of services (codes of the {@code service_types}
 * lookup) in places (location codes; a place covers the places under it), for children of an age range, sexes
 * and languages (empty = any), with the hours within which it answers a referral.
 */
public record ServiceProvider(
        String id,
        String name,
        String agencyCode,
        List<String> services,
        List<String> locations,
        ProviderContact contact,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        Set<String> sexes,
        Set<String> languages,
        int responseHours,
        boolean active,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public ServiceProvider {
        services = List.copyOf(services);
        locations = List.copyOf(locations);
        sexes = Set.copyOf(sexes);
        languages = Set.copyOf(languages);
    }

    public boolean offers(String serviceType) {
        return active && services.contains(serviceType);
    }

    /** Whether the child fits the age range, sexes and languages (unknown facts do not exclude). */
    public boolean accepts(ChildProfile child) {
        Integer age = child.age();
        if (age != null && ((minAge != null && age < minAge) || (maxAge != null && age > maxAge))) {
            return false;
        }
        if (child.sex() != null && !sexes.isEmpty() && sexes.stream().noneMatch(s -> s.equalsIgnoreCase(child.sex()))) {
            return false;
        }
        return languages.isEmpty() || child.languages().isEmpty()
                || child.languages().stream().anyMatch(l -> languages.contains(l.toLowerCase(Locale.ROOT)));
    }

    public ServiceProvider withVersion(long newVersion, Instant at, String by) {
        return new ServiceProvider(id, name, agencyCode, services, locations, contact, minAge, maxAge, sexes,
                languages, responseHours, active, at, by, newVersion);
    }
}
