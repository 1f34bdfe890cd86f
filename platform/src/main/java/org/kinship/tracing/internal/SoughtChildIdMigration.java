package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.kinship.shared.Ids;
import org.kinship.tracing.MatchingService;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestService;
import org.kinship.tracing.TracingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before anything else reads tracing requests: requests stored when sought children were known by their
 * position get a stable id per child (ADR 0022), in the order of the repeating group. Their links name the child by
 * id instead of position; their stored potential matches and their profiles in the matching index are re-keyed from
 * {@code <requestId>~<position>} to {@code <requestId>~<childId>}. A request is rewritten on its {@code {_id,
 * version}} without a new version or history entry (a change of storage, not of the request); one already migrated is
 * left alone, so the migration runs again harmlessly.
 */
@Component
class SoughtChildIdMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SoughtChildIdMigration.class);

    private final MongoCollection<Document> requests;
    private final MongoPotentialMatchRepository matches;
    private final TracingSettings settings;
    private final TracingRequestService requestService;
    private final MatchingService matching;
    private final MatchingUpdates updates;

    SoughtChildIdMigration(MongoDatabase database, MongoPotentialMatchRepository matches, TracingSettings settings,
            TracingRequestService requestService, MatchingService matching, MatchingUpdates updates) {
        this.requests = database.getCollection("tracing_requests");
        this.matches = matches;
        this.settings = settings;
        this.requestService = requestService;
        this.matching = matching;
        this.updates = updates;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void migrateAtStart() {
        int migrated = migrate();
        if (migrated > 0) {
            LOG.info("Gave stable ids to the sought children of {} tracing requests", migrated);
        }
    }

    /** Migrates every request that still knows a sought child by position; answers how many. */
    int migrate() {
        List<Document> pending = new ArrayList<>();
        requests.find().projection(Projections.exclude("history")).forEach(document -> {
            if (needsIds(document)) {
                pending.add(document);
            }
        });
        int migrated = 0;
        for (Document document : pending) {
            if (migrate(document)) {
                migrated++;
            }
        }
        if (migrated > 0) {
            matching.commit();
        }
        return migrated;
    }

    private boolean needsIds(Document document) {
        for (Object child : children(document)) {
            if (child instanceof Map<?, ?> values && !(values.get(TracingRequest.CHILD_ID) instanceof String)) {
                return true;
            }
        }
        return document.getList("links", Document.class, List.of()).stream()
                .anyMatch(link -> !(link.get("soughtChildId") instanceof String));
    }

    private boolean migrate(Document document) {
        String requestId = document.getString("_id");
        List<Object> children = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Object item : children(document)) {
            if (item instanceof Map<?, ?> values) {
                Object given = values.get(TracingRequest.CHILD_ID);
                String id = given instanceof String text && !text.isBlank() ? text : Ids.newId();
                Document child = new Document(TracingRequest.CHILD_ID, id);
                values.forEach((key, value) -> {
                    if (!TracingRequest.CHILD_ID.equals(key)) {
                        child.put(String.valueOf(key), value);
                    }
                });
                children.add(child);
                ids.add(id);
            } else {
                children.add(item);
                ids.add(Ids.newId());
            }
        }
        List<Document> links = new ArrayList<>();
        for (Document link : document.getList("links", Document.class, List.of())) {
            Document moved = new Document(link);
            if (!(moved.get("soughtChildId") instanceof String)) {
                Object position = moved.remove("soughtChild");
                int index = position instanceof Number number ? number.intValue() : -1;
                // a link to a position the list no longer has belonged to a removed child: it keeps an id of its own
                moved.put("soughtChildId", index >= 0 && index < ids.size() ? ids.get(index) : Ids.newId());
            }
            links.add(moved);
        }
        Document filter = new Document("_id", requestId).append("version", document.get("version"));
        var update = Updates.combine(Updates.set("data." + settings.requestChildren(), children),
                Updates.set("links", links));
        if (children(document).isEmpty()) {
            update = Updates.set("links", links);
        }
        if (requests.updateOne(filter, update).getModifiedCount() == 0 && requests.countDocuments(filter) == 0) {
            LOG.warn("Tracing request {} changed during the migration of sought child ids; it is migrated at the next start",
                    requestId);
            return false;
        }
        for (int position = 0; position < ids.size(); position++) {
            String before = requestId + "~" + position;
            String after = TracingRequest.soughtChildProfileId(requestId, ids.get(position));
            matches.rekeyProfile(before, after);
            matching.profileRemoved(before);
        }
        requestService.find(requestId).ifPresent(request -> updates.refreshRequest(request, false));
        return true;
    }

    private List<?> children(Document document) {
        Object data = document.get("data");
        if (data instanceof Map<?, ?> values && values.get(settings.requestChildren()) instanceof List<?> items) {
            return items;
        }
        return List.of();
    }
}
