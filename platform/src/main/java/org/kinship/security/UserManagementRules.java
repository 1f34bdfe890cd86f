package org.kinship.security;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.MongoRoleRepository;

/**
 * Who may manage which account (ADR 0005). {@code user:manage:all} manages everyone but themselves;
 * {@code user:manage:agency} manages the ordinary staff of their own agency only and may grant only
 * ordinary roles: no {@code manage} action, no audit log, nothing in scope {@code all}. Every refusal is
 * published as {@link AccessDenied} through {@link PermissionService#deny}.
 */
final class UserManagementRules {

    private final PermissionService permissions;
    private final MongoRoleRepository roles;

    UserManagementRules(PermissionService permissions, MongoRoleRepository roles) {
        this.permissions = permissions;
        this.roles = roles;
    }

    /** The scope in which the actor manages users; refuses when they do not. */
    Scope requireManager(KinshipUser actor, @Nullable String targetId) {
        return permissions.widestScope(actor, Resource.USER, Action.MANAGE)
                .filter(scope -> scope == Scope.ALL || scope == Scope.AGENCY)
                .orElseThrow(() -> deny(actor, targetId, "missing_permission"));
    }

    /** Refuses managing oneself, another agency's account or, for agency administrators, a privileged one. */
    void checkTarget(KinshipUser actor, Scope scope, UserAccount target) {
        if (target.id().equals(actor.id())) {
            throw deny(actor, target.id(), "own_account");
        }
        if (scope == Scope.AGENCY) {
            checkAgency(actor, target.agencyCode(), target.id());
            if (!target.roles().stream().allMatch(this::ordinary)) {
                throw deny(actor, target.id(), "privileged_user");
            }
        }
    }

    /** Refuses placing a user outside the actor's agency or granting roles the actor may not grant. */
    void checkGrant(KinshipUser actor, Scope scope, @Nullable String targetId, Set<String> currentRoles,
            Set<String> newRoles, @Nullable String newAgency) {
        Set<String> unknown = new HashSet<>(newRoles);
        roles.findByNames(newRoles).forEach(role -> unknown.remove(role.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown roles: " + unknown);
        }
        if (scope == Scope.ALL) {
            return;
        }
        checkAgency(actor, newAgency, targetId);
        Set<String> added = new HashSet<>(newRoles);
        added.removeAll(currentRoles);
        if (!added.stream().allMatch(this::ordinary)) {
            throw deny(actor, targetId, "role_not_grantable");
        }
    }

    private void checkAgency(KinshipUser actor, @Nullable String agency, @Nullable String targetId) {
        if (actor.agencyCode() == null || !actor.agencyCode().equals(agency)) {
            throw deny(actor, targetId, "other_agency");
        }
    }

    private boolean ordinary(String roleName) {
        return roles.findByName(roleName).map(role -> role.permissions().stream().noneMatch(
                permission -> permission.action() == Action.MANAGE || permission.resource() == Resource.AUDIT_LOG
                        || permission.scope() == Scope.ALL)).orElse(false);
    }

    PermissionDeniedException deny(KinshipUser actor, @Nullable String targetId, String reason) {
        return permissions.deny(actor, Resource.USER, Action.MANAGE, targetId, reason);
    }
}
