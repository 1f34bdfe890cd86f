package org.kinship.consent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consent of one child record as last recorded, with who recorded it and when. Every change makes a new
 * {@code version}; earlier versions stay readable ({@link ConsentService#history}). Recording consent again
 * ends earlier overrides.
 */
public record ConsentRecord(
        String recordId,
        Map<ConsentPurpose, ConsentDecision> decisions,
        DataProtectionWishes wishes,
        List<ConsentOverride> overrides,
        String recordedById,
        String recordedByName,
        Instant recordedAt,
        long version) {

    public ConsentRecord {
        EnumMap<ConsentPurpose, ConsentDecision> all = new EnumMap<>(ConsentPurpose.class);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            all.put(purpose, decisions.getOrDefault(purpose, ConsentDecision.NOT_ASKED));
        }
        decisions = Map.copyOf(all);
        overrides = List.copyOf(overrides);
    }

    public ConsentDecision decision(ConsentPurpose purpose) {
        return decisions.get(purpose);
    }

    /** The latest override for the purpose, if any. */
    public Optional<ConsentOverride> override(ConsentPurpose purpose) {
        return overrides.reversed().stream().filter(override -> override.purpose() == purpose).findFirst();
    }
}
