package org.kinship.tracing;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A relative named in a case file or a tracing request, with the relationship to the child when the record says
 * it (a value of the {@code relationships} lookup: {@code mother}, {@code father}, {@code sibling}, ...).
 *
 * @param name         the name as written, any script
 * @param relationship the relationship to the child, lower case; empty when the record does not say
 */
public record FamilyMember(String name, String relationship) {

    /**
     * Relationships that do not name one person: a caregiver may be the mother, an aunt or a neighbour; "other" may
     * be anyone. A relative with one of these (or none) may be the same person as any relative of the other record.
     */
    private static final Set<String> VAGUE = Set.of("", "caregiver", "other", "other_relative");

    public FamilyMember {
        Objects.requireNonNull(name, "name");
        relationship = relationship == null ? "" : relationship.strip().toLowerCase(Locale.ROOT);
    }

    /** A relative whose relationship the record does not say. */
    public static FamilyMember named(String name) {
        return new FamilyMember(name, "");
    }

    /**
     * Whether this relative and another may be the same person: their relationships are the same, or one of them
     * does not say who the person is. A mother is never compared with a father, nor a sibling with a grandparent.
     */
    public boolean mayBeSamePersonAs(FamilyMember other) {
        return relationship.equals(other.relationship) || VAGUE.contains(relationship)
                || VAGUE.contains(other.relationship);
    }

    @Override
    public String toString() {
        return relationship.isEmpty() ? name : name + " (" + relationship + ")";
    }
}
