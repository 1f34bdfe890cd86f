package org.kinship.cases;

/**
 * What a user may do with one section of a case file: fill and change it, only read it, or not even see it
 * (a hidden section is left out of the case and of its history). Ordered from least to most: a user with
 * several roles gets the most any of them allows.
 */
public enum SectionAccess {
    HIDDEN, READ, EDIT;

    public boolean canRead() {
        return this != HIDDEN;
    }

    public boolean canEdit() {
        return this == EDIT;
    }

    /** The wider of two accesses. */
    public SectionAccess or(SectionAccess other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The narrower of two accesses. */
    public SectionAccess atMost(SectionAccess limit) {
        return ordinal() <= limit.ordinal() ? this : limit;
    }
}
