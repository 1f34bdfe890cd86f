package org.kinship.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.MongoRoleRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Roles as data. Changing a role needs {@code role:manage:all} and is audited as a permission change. The
 * administrator role always keeps {@code user:manage:all} and {@code role:manage:all}, so that nobody can lock
 * the installation out of its own administration.
 */
@Service
public class RoleService {

    static final Set<Permission> ADMINISTRATOR_KEEPS = Set.of(
            Permission.of(Resource.USER, Action.MANAGE, Scope.ALL),
            Permission.of(Resource.ROLE, Action.MANAGE, Scope.ALL));

    private final MongoRoleRepository roles;
    private final PermissionService permissions;
    private final ApplicationEventPublisher events;

    RoleService(MongoRoleRepository roles, PermissionService permissions, ApplicationEventPublisher events) {
        this.roles = roles;
        this.permissions = permissions;
        this.events = events;
    }

    public List<Role> roles() {
        return roles.findAll();
    }

    public Optional<Role> role(String name) {
        return roles.findByName(name);
    }

    public Role create(KinshipUser actor, String name, Map<String, String> labels, Set<Permission> granted) {
        requireManager(actor, name);
        if (!name.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new IllegalArgumentException("A role name is 2 to 40 lower-case letters, digits or _: " + name);
        }
        Role role = new Role(name, labels, granted, 0);
        if (!roles.insert(role)) {
            throw new IllegalArgumentException("Role already exists: " + name);
        }
        changed(actor, role, "created");
        return role;
    }

    /** @throws org.kinship.shared.StaleVersionException when someone else changed the role since {@code version} */
    public Role update(KinshipUser actor, String name, Map<String, String> labels, Set<Permission> granted,
            long version) {
        requireManager(actor, name);
        Role current = roles.findByName(name).orElseThrow(() -> new IllegalArgumentException("Unknown role " + name));
        if (name.equals(DefaultRoles.ADMINISTRATOR) && !granted.containsAll(ADMINISTRATOR_KEEPS)) {
            throw new IllegalArgumentException("The administrator role must keep " + ADMINISTRATOR_KEEPS);
        }
        Role stored = roles.update(new Role(current.name(), labels, granted, version));
        changed(actor, stored, "updated");
        return stored;
    }

    private void requireManager(KinshipUser actor, String roleName) {
        permissions.requireEverywhere(actor, Resource.ROLE, Action.MANAGE, roleName);
    }

    private void changed(KinshipUser actor, Role role, String what) {
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), SecurityChanged.PERMISSION_CHANGE,
                "role", role.name(), Map.of("change", what, "permissions",
                        String.join(",", role.permissions().stream().map(Permission::toString).sorted().toList()))));
    }
}
