package org.kinship.referrals;

import java.util.List;
import java.util.Map;

/** A psychosocial provider per agency, created once per agency. */
final class ServiceSetup {

    private static final Map<String, String> PROVIDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceSetup() {
    }

    static void psychosocialProvider(ReferralWorld world, String agency) {
        world.serviceType("psychosocial");
        PROVIDERS.computeIfAbsent(agency, a -> world.provider("PSS " + a, a, List.of("psychosocial"), List.of("CD"),
                Map.of()));
    }

    static String providerOf(ReferralWorld world, String agency) {
        psychosocialProvider(world, agency);
        return PROVIDERS.get(agency);
    }
}
