package org.kinship.security;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a role allows: an action on a kind of resource within a scope, written {@code resource:action:scope}
 * (for example {@code case:view:agency}). A wider scope includes the narrower ones for the same resource and
 * action: {@code own < group < agency < all}.
 */
public record Permission(Resource resource, Action action, Scope scope) {

    /** Kinds of things a permission is about. {@code CONSENT} covers recording and overriding consent (ADR 0005). */
    public enum Resource {
        CASE, TRACING_REQUEST, FORM, LOOKUP, WORKFLOW, REPORT, USER, ROLE, AGENCY, AUDIT_LOG, EXPORT, CONSENT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What may be done. */
    public enum Action {
        VIEW, CREATE, EDIT, CLOSE, EXPORT, REFER, TRANSFER, ASSIGN, APPROVE, MANAGE,
        /** Change a child's service-level targets (due dates) with a reason. */
        OVERRIDE_TARGET;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which records: the user's own (owned or assigned), their groups', their agency's, or all. */
    public enum Scope {
        OWN, GROUP, AGENCY, ALL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when this scope is at least as wide as {@code other}. */
        public boolean covers(Scope other) {
            return ordinal() >= other.ordinal();
        }
    }

    public static Permission of(Resource resource, Action action, Scope scope) {
        return new Permission(resource, action, scope);
    }

    /**
     * Reads {@code resource:action:scope}.
     *
     * @throws IllegalArgumentException when a part is unknown
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Permission parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("A permission is resource:action:scope, not " + text);
        }
        try {
            return new Permission(Resource.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    Action.valueOf(parts[1].toUpperCase(Locale.ROOT)), Scope.valueOf(parts[2].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown permission " + text, e);
        }
    }

    /** True when this permission allows {@code resource:action} at least within {@code scope}. */
    public boolean grants(Resource resource, Action action, Scope scope) {
        return this.resource == resource && this.action == action && this.scope.covers(scope);
    }

    @JsonValue
    @Override
    public String toString() {
        return resource.key() + ":" + action.key() + ":" + scope.key();
    }
}
