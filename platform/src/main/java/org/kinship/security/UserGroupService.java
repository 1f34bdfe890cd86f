package org.kinship.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.internal.MongoUserGroupRepository;
import org.kinship.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * User groups (teams that may span agencies). Groups widen what members see, so only users who manage users
 * in every agency ({@code user:manage:all}) may change them; each change is audited as a permission change.
 */
@Service
public class UserGroupService {

    private final MongoUserGroupRepository groups;
    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final ApplicationEventPublisher events;

    UserGroupService(MongoUserGroupRepository groups, UserAccountService accounts, PermissionService permissions,
            ApplicationEventPublisher events) {
        this.groups = groups;
        this.accounts = accounts;
        this.permissions = permissions;
        this.events = events;
    }

    /** Every group; needs {@code user:view:all}, since groups span agencies. */
    public List<UserGroup> groups(KinshipUser actor) {
        permissions.requireEverywhere(actor, Resource.USER, Action.VIEW, null);
        return groups.findAll();
    }

    public List<UserGroup> groupsOf(String userId) {
        return groups.findByMember(userId);
    }

    public UserGroup create(KinshipUser actor, String name, Set<String> memberIds, Set<String> agencyCodes) {
        requireManager(actor, null);
        checkMembers(actor, null, memberIds, agencyCodes);
        UserGroup group = new UserGroup(Ids.newId(), checkName(name), memberIds, agencyCodes, 0);
        groups.insert(group);
        changed(actor, group);
        return group;
    }

    /** @throws org.kinship.shared.StaleVersionException when someone else changed the group since {@code version} */
    public UserGroup update(KinshipUser actor, String id, String name, Set<String> memberIds, Set<String> agencyCodes,
            long version) {
        requireManager(actor, id);
        UserGroup current = groups.findById(id).orElseThrow(() -> new IllegalArgumentException("Unknown group " + id));
        checkMembers(actor, current, memberIds, agencyCodes);
        UserGroup stored = groups.update(new UserGroup(current.id(), checkName(name), memberIds, agencyCodes, version));
        changed(actor, stored);
        return stored;
    }

    private void requireManager(KinshipUser actor, @Nullable String groupId) {
        permissions.requireEverywhere(actor, Resource.USER, Action.MANAGE, groupId);
    }

    private void changed(KinshipUser actor, UserGroup group) {
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), SecurityChanged.PERMISSION_CHANGE,
                "group", group.id(), Map.of("members", String.join(",", group.memberIds().stream().sorted().toList()),
                        "agencies", String.join(",", group.agencyCodes().stream().sorted().toList()))));
    }

    /**
     * Puts a user in exactly the given groups (adding and removing memberships).
     *
     * @return the user's groups afterwards
     */
    public List<UserGroup> assign(KinshipUser actor, String userId, Set<String> groupIds) {
        requireManager(actor, userId);
        for (String groupId : groupIds) {
            if (groups.findById(groupId).isEmpty()) {
                throw new IllegalArgumentException("Unknown group " + groupId);
            }
        }
        for (UserGroup group : groups.findAll()) {
            boolean member = group.memberIds().contains(userId);
            if (member != groupIds.contains(group.id())) {
                Set<String> members = new HashSet<>(group.memberIds());
                if (member) {
                    members.remove(userId);
                } else {
                    members.add(userId);
                }
                update(actor, group.id(), group.name(), members, group.agencyCodes(), group.version());
            }
        }
        return groups.findByMember(userId);
    }

    /** Members and agencies must exist, and nobody widens their own reach by joining a group. */
    private void checkMembers(KinshipUser actor, @Nullable UserGroup current, Set<String> memberIds,
            Set<String> agencyCodes) {
        boolean joins = memberIds.contains(actor.id()) && (current == null || !current.memberIds().contains(actor.id()));
        if (joins) {
            throw permissions.deny(actor, Resource.USER, Action.MANAGE, actor.id(), "own_account");
        }
        memberIds.stream().filter(member -> accounts.findById(member).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("Unknown user " + unknown);
        });
        agencyCodes.stream().filter(code -> accounts.findAgency(code).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("Unknown agency " + unknown);
        });
    }

    private static String checkName(String name) {
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A group name has 1 to 100 characters");
        }
        return name.strip();
    }
}
