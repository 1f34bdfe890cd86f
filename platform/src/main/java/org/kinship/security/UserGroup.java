package org.kinship.security;

import java.util.Set;

/**
 * A team of users, possibly from several agencies, whose members share the records of the group (group
 * scope). Stored in the {@code groups} collection.
 *
 * @param memberIds   user ids of the members
 * @param agencyCodes agencies the group works across
 */
public record UserGroup(String id, String name, Set<String> memberIds, Set<String> agencyCodes, long version) {

    public UserGroup {
        memberIds = Set.copyOf(memberIds);
        agencyCodes = Set.copyOf(agencyCodes);
    }

    public UserGroup with(String newName, Set<String> newMembers, Set<String> newAgencies) {
        return new UserGroup(id, newName, newMembers, newAgencies, version);
    }
}
