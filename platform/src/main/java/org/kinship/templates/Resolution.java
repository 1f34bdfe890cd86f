package org.kinship.templates;

/** The administrator's choice for a {@link MergeConflict}. */
public enum Resolution {
    LOCAL, UPSTREAM
}
