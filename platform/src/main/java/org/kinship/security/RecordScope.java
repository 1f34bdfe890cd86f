package org.kinship.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The records of child data a user may reach for one resource and action, as repositories must apply it to
 * their queries. Wider levels include the user's own records: a case worker always sees the cases they own
 * or are assigned, even across agencies.
 *
 * @param level      how far the user reaches; {@link Level#NONE} matches nothing
 * @param userId     the user (for "own": owner or assignee)
 * @param groupIds   the user groups the user belongs to (for {@link Level#GROUP})
 * @param agencyCode the user's agency (for {@link Level#AGENCY})
 */
public record RecordScope(Level level, String userId, Set<String> groupIds, @Nullable String agencyCode) {

    /** From nothing to everything. */
    public enum Level {
        NONE, OWN, GROUP, AGENCY, ALL
    }

    public RecordScope {
        groupIds = Set.copyOf(groupIds);
        if (level == Level.AGENCY && agencyCode == null) {
            level = Level.OWN;
        }
    }

    public static RecordScope none(String userId) {
        return new RecordScope(Level.NONE, userId, Set.of(), null);
    }

    public boolean allowsAny() {
        return level != Level.NONE;
    }

    /**
     * The query filter that keeps only the records within this scope.
     *
     * @param ownerField    field holding the owner's user id
     * @param assignedField field holding the assigned user id or ids (a single value or an array)
     * @param groupField    field holding the record's user group id or ids
     * @param agencyField   field holding the record's agency code
     */
    public Bson toMongoFilter(String ownerField, String assignedField, String groupField, String agencyField) {
        if (level == Level.ALL) {
            return Filters.empty();
        }
        if (level == Level.NONE) {
            return Filters.in("_id", List.of());
        }
        List<Bson> any = new ArrayList<>();
        any.add(Filters.eq(ownerField, userId));
        any.add(Filters.eq(assignedField, userId));
        if (level == Level.GROUP && !groupIds.isEmpty()) {
            any.add(Filters.in(groupField, groupIds.stream().sorted().toList()));
        }
        if (level == Level.AGENCY) {
            any.add(Filters.eq(agencyField, agencyCode));
        }
        return Filters.or(any);
    }

    /** The same rule as {@link #toMongoFilter}, for a record already in memory. */
    public boolean permits(@Nullable String ownerId, Collection<String> assignedIds, Collection<String> recordGroupIds,
            @Nullable String recordAgency) {
        return switch (level) {
            case NONE -> false;
            case ALL -> true;
            case OWN -> own(ownerId, assignedIds);
            case GROUP -> own(ownerId, assignedIds) || recordGroupIds.stream().anyMatch(groupIds::contains);
            case AGENCY -> own(ownerId, assignedIds) || (agencyCode != null && agencyCode.equals(recordAgency));
        };
    }

    private boolean own(@Nullable String ownerId, Collection<String> assignedIds) {
        return userId.equals(ownerId) || assignedIds.contains(userId);
    }
}
