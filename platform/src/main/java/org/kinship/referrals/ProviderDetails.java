package org.kinship.referrals;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What an administrator enters for a provider (the directory adds id, version and who changed it when). */
public record ProviderDetails(
        @Nullable String name,
        @Nullable String agencyCode,
        @Nullable List<String> services,
        @Nullable List<String> locations,
        @Nullable ProviderContact contact,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        @Nullable Set<String> sexes,
        @Nullable Set<String> languages,
        @Nullable Integer responseHours,
        @Nullable Boolean active) {

    public static ProviderDetails of(ServiceProvider p) {
        return new ProviderDetails(p.name(), p.agencyCode(), p.services(), p.locations(), p.contact(), p.minAge(),
                p.maxAge(), p.sexes(), p.languages(), p.responseHours(), p.active());
    }
}
