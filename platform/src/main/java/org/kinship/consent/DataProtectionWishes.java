package org.kinship.consent;

import java.util.Set;

/**
 * What the child or family asked about their data. {@code notes} is free text and is encrypted at rest.
 *
 * @param flags          codes such as {@code no_photos}, {@code no_contact_with_family}
 * @param doNotShareWith agency codes the record must not be shared with
 */
public record DataProtectionWishes(String notes, Set<String> flags, Set<String> doNotShareWith) {

    public static final DataProtectionWishes NONE = new DataProtectionWishes("", Set.of(), Set.of());

    public DataProtectionWishes {
        flags = Set.copyOf(flags);
        doNotShareWith = Set.copyOf(doNotShareWith);
    }
}
