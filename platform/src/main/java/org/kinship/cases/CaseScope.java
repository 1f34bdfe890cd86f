package org.kinship.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The cases a user may reach, mirroring the security feature's {@code RecordScope} (same levels, same rule:
 * a wider level always includes the cases the user owns or is assigned). Repositories apply it to MongoDB
 * ({@link #toMongoFilter()}); the case index applies the same rule to its Lucene queries.
 */
public record CaseScope(Level level, String userId, Set<String> groupIds, @Nullable String agencyCode) {

    /** From nothing to everything. */
    public enum Level {
        NONE, OWN, GROUP, AGENCY, ALL
    }

    public CaseScope {
        groupIds = Set.copyOf(groupIds);
        if (level == Level.AGENCY && agencyCode == null) {
            level = Level.OWN;
        }
    }

    public static CaseScope all(String userId) {
        return new CaseScope(Level.ALL, userId, Set.of(), null);
    }

    public static CaseScope none(String userId) {
        return new CaseScope(Level.NONE, userId, Set.of(), null);
    }

    public Bson toMongoFilter() {
        if (level == Level.ALL) {
            return Filters.empty();
        }
        if (level == Level.NONE) {
            return Filters.in("_id", List.of());
        }
        List<Bson> any = new ArrayList<>(List.of(Filters.eq("ownerId", userId), Filters.eq("assignedIds", userId)));
        if (level == Level.GROUP && !groupIds.isEmpty()) {
            any.add(Filters.in("groupIds", groupIds.stream().sorted().toList()));
        }
        if (level == Level.AGENCY) {
            any.add(Filters.eq("agencyCode", agencyCode));
        }
        return Filters.or(any);
    }

    /** The same rule as {@link #toMongoFilter()} for a case already read. */
    public boolean permits(CaseFile file) {
        boolean own = userId.equals(file.ownerId()) || file.assignedIds().contains(userId);
        return switch (level) {
            case NONE -> false;
            case ALL -> true;
            case OWN -> own;
            case GROUP -> own || file.groupIds().stream().anyMatch(groupIds::contains);
            case AGENCY -> own || agencyCode != null && agencyCode.equals(file.agencyCode());
        };
    }
}
