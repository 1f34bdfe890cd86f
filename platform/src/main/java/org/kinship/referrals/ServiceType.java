package org.kinship.referrals;

import java.util.Map;

/** A service type of the directory: a value of the {@code service_types} lookup and how many providers offer it. */
public record ServiceType(String code, Map<String, String> label, boolean retired, long providers) {

    public ServiceType {
        label = Map.copyOf(label);
    }
}
