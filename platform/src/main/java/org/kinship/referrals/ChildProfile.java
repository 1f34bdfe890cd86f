package org.kinship.referrals;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What a provider's acceptance criteria are checked against: the child's age, sex, languages and location. */
public record ChildProfile(@Nullable Integer age, @Nullable String sex, Set<String> languages,
        @Nullable String location) {

    public ChildProfile {
        languages = Set.copyOf(languages);
    }
}
