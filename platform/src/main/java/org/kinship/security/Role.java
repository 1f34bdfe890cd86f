package org.kinship.security;

import java.util.Map;
import java.util.Set;

/**
 * A named set of permissions that administrators edit as data ({@code roles} collection). Users hold role
 * names; what a role allows is read from here at every check, so a change applies at the next request.
 *
 * @param name   stable identifier, also the document id
 * @param labels translated display names by language tag
 */
public record Role(String name, Map<String, String> labels, Set<Permission> permissions, long version) {

    public Role {
        labels = Map.copyOf(labels);
        permissions = Set.copyOf(permissions);
    }

    public Role withPermissions(Set<Permission> newPermissions, Map<String, String> newLabels) {
        return new Role(name, newLabels, newPermissions, version);
    }

    /** True when this role allows {@code resource:action} within {@code scope} or wider. */
    public boolean grants(Permission.Resource resource, Permission.Action action, Permission.Scope scope) {
        return permissions.stream().anyMatch(permission -> permission.grants(resource, action, scope));
    }
}
