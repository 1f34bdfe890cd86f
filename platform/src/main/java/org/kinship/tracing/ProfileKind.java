package org.kinship.tracing;

/** What a profile stands for: a registered child (case) or a child sought by an inquirer (tracing request). */
public enum ProfileKind {
    CASE,
    TRACING_REQUEST;

    /** The kind a profile of this kind is matched against when looking for reunification. */
    public ProfileKind counterpart() {
        return this == CASE ? TRACING_REQUEST : CASE;
    }
}
