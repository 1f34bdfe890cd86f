package org.kinship.referrals;

/**
 * A provider that offers the needed service where the child lives and accepts the child.
 *
 * @param distance how many levels up the location hierarchy the provider's place is (0 = the child's place)
 */
public record ProviderSuggestion(ServiceProvider provider, int distance) {
}
