package org.kinship.security;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.MongoRoleRepository;
import org.kinship.security.internal.MongoUserGroupRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Answers what a user may do, from the roles they hold (read from the {@code roles} collection at each call)
 * and the groups they belong to. Repositories of child data turn {@link #scopeFor} into a query filter with
 * {@link RecordScope#toMongoFilter}; controllers call {@link #require} before acting.
 */
@Service
public class PermissionService {

    private final MongoRoleRepository roles;
    private final MongoUserGroupRepository groups;
    private final ApplicationEventPublisher events;

    PermissionService(MongoRoleRepository roles, MongoUserGroupRepository groups, ApplicationEventPublisher events) {
        this.roles = roles;
        this.groups = groups;
        this.events = events;
    }

    /** Every permission of every role the user holds. */
    public Set<Permission> permissionsOf(KinshipUser user) {
        return roles.findByNames(user.roles()).stream().flatMap(role -> role.permissions().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when any of the user's roles allows the action on the resource, in any scope. */
    public boolean can(KinshipUser user, Resource resource, Action action) {
        return widestScope(user, resource, action).isPresent();
    }

    /** The widest scope in which the user may do the action, if any. */
    public Optional<Scope> widestScope(KinshipUser user, Resource resource, Action action) {
        return permissionsOf(user).stream()
                .filter(permission -> permission.resource() == resource && permission.action() == action)
                .map(Permission::scope).max(Comparator.naturalOrder());
    }

    /** The records the user may reach for the action; {@link RecordScope.Level#NONE} when not allowed at all. */
    public RecordScope scopeFor(KinshipUser user, Resource resource, Action action) {
        Optional<Scope> scope = widestScope(user, resource, action);
        if (scope.isEmpty()) {
            return RecordScope.none(user.id());
        }
        RecordScope.Level level = switch (scope.get()) {
            case OWN -> RecordScope.Level.OWN;
            case GROUP -> RecordScope.Level.GROUP;
            case AGENCY -> RecordScope.Level.AGENCY;
            case ALL -> RecordScope.Level.ALL;
        };
        Set<String> groupIds = level == RecordScope.Level.GROUP
                ? groups.findByMember(user.id()).stream().map(UserGroup::id).collect(Collectors.toSet())
                : Set.of();
        return new RecordScope(level, user.id(), groupIds, user.agencyCode());
    }

    /**
     * Checks that the user may do the action at all.
     *
     * @throws PermissionDeniedException when not, after publishing {@link AccessDenied}
     */
    public void require(KinshipUser user, Resource resource, Action action, @Nullable String resourceId) {
        if (!can(user, resource, action)) {
            throw deny(user, resource, action, resourceId, "missing_permission");
        }
    }

    /**
     * Checks that the user may do the action on every record, whatever its agency ({@link Scope#ALL}): the rule
     * for changes to the set-up itself (roles, agencies, groups).
     *
     * @throws PermissionDeniedException when not, after publishing {@link AccessDenied}
     */
    public void requireEverywhere(KinshipUser user, Resource resource, Action action, @Nullable String resourceId) {
        if (widestScope(user, resource, action).filter(scope -> scope == Scope.ALL).isEmpty()) {
            throw deny(user, resource, action, resourceId, "missing_permission");
        }
    }

    /** Publishes the refusal for the audit log and returns the exception to throw. */
    public PermissionDeniedException deny(KinshipUser user, Resource resource, Action action,
            @Nullable String resourceId, String reason) {
        events.publishEvent(new AccessDenied(user.id(), user.username(), resource.key(), action.key(), resourceId,
                reason));
        return new PermissionDeniedException(reason,
                user.username() + " may not " + action.key() + " " + resource.key() + " (" + reason + ")");
    }
}
