package org.kinship.referrals.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kinship.forms.LookupService;
import org.kinship.referrals.ChildProfile;
import org.kinship.referrals.ProviderSuggestion;
import org.kinship.referrals.ServiceProvider;
import org.springframework.stereotype.Component;

/**
 * Which providers fit a child: offering the service, serving the child's place or a place above it (walking up
 * the location hierarchy; nearest first), and accepting the child's age, sex and languages.
 */
@Component
public class Suggestions {

    private final LookupService lookups;

    Suggestions(LookupService lookups) {
        this.lookups = lookups;
    }

    public List<ProviderSuggestion> suggest(List<ServiceProvider> candidates, String serviceType, ChildProfile child) {
        LocationHierarchy places = hierarchy();
        List<String> chain = child.location() == null ? List.of() : places.chain(child.location());
        return candidates.stream().filter(p -> p.offers(serviceType)).filter(p -> p.accepts(child))
                .flatMap(p -> distance(p, chain).map(d -> new ProviderSuggestion(p, d)).stream())
                .sorted(Comparator.comparingInt(ProviderSuggestion::distance)
                        .thenComparing(s -> s.provider().responseHours()).thenComparing(s -> s.provider().name()))
                .toList();
    }

    public boolean serves(ServiceProvider provider, String location) {
        return distance(provider, hierarchy().chain(location)).isPresent();
    }

    /** How far up the child's place the provider's nearest place is; empty when it serves none of them. */
    private static Optional<Integer> distance(ServiceProvider provider, List<String> chain) {
        int best = Integer.MAX_VALUE;
        for (String place : provider.locations()) {
            int at = chain.indexOf(LocationHierarchy.norm(place));
            if (at >= 0) {
                best = Math.min(best, at);
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }

    private LocationHierarchy hierarchy() {
        return new LocationHierarchy(lookups.findLookup("locations").orElse(null));
    }
}
