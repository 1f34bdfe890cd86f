package org.kinship.tracing.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.jspecify.annotations.Nullable;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestChange;
import org.springframework.stereotype.Repository;

/**
 * Tracing requests in the {@code tracing_requests} collection with their history in the same document;
 * every update is conditional on {@code {_id, version}} (a plain filter the embedded server serves from the
 * {@code id_version} index).
 */
@Repository
public class MongoTracingRequestRepository {

    private final MongoCollection<Document> requests;
    private final DocumentMapper mapper;
    private final RequestNumbers numbers;

    MongoTracingRequestRepository(MongoDatabase database, DocumentMapper mapper, RequestNumbers numbers) {
        this.numbers = numbers;
        this.requests = database.getCollection("tracing_requests");
        this.mapper = mapper;
        requests.createIndex(Indexes.ascending("requestNumber"), new IndexOptions().unique(true).name("request_number"));
        requests.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        requests.createIndex(Indexes.ascending("ownerId"), new IndexOptions().name("owner"));
        requests.createIndex(Indexes.ascending("agencyCode"), new IndexOptions().name("agency"));
    }

    /**
     * Inserts the request built with a new readable number; a number already taken (another node) is skipped
     * and the next one drawn.
     */
    public TracingRequest insert(Function<String, TracingRequest> withNumber, @Nullable String agencyCode,
            List<TracingRequestChange> history) {
        for (int attempt = 1; ; attempt++) {
            TracingRequest request = withNumber.apply(numbers.next(agencyCode));
            try {
                requests.insertOne(mapper.toDocument(request).append("history", documents(history)));
                return request;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public Optional<TracingRequest> findById(String id) {
        return Optional.ofNullable(requests.find(eq("_id", id)).projection(Projections.exclude("history")).first())
                .map(this::toRequest);
    }

    /** Replaces the request if it still has {@code expectedVersion}; the history entries are appended. */
    public TracingRequest update(TracingRequest next, long expectedVersion, List<TracingRequestChange> history) {
        Document replacement = mapper.toDocument(next);
        replacement.remove("_id");
        List<Bson> sets = new ArrayList<>();
        replacement.forEach((key, value) -> sets.add(Updates.set(key, value)));
        sets.add(Updates.pushEach("history", documents(history)));
        Document after = requests.findOneAndUpdate(new Document("_id", next.id()).append("version", expectedVersion),
                Updates.combine(sets), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.exclude("history")));
        if (after == null) {
            throw new StaleVersionException("tracing request", next.id(), expectedVersion);
        }
        return toRequest(after);
    }

    public List<TracingRequestChange> history(String id) {
        Document document = requests.find(eq("_id", id)).projection(Projections.include("history")).first();
        if (document == null) {
            return List.of();
        }
        return document.getList("history", Document.class, List.of()).stream()
                .map(d -> mapper.fromDocument(d, TracingRequestChange.class)).toList();
    }

    /** Newest first, within the filter. */
    public List<TracingRequest> list(Bson filter, int page, int size) {
        return requests.find(filter).projection(Projections.exclude("history")).sort(Sorts.descending("createdAt"))
                .skip(page * size).limit(size).map(this::toRequest).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return requests.countDocuments(filter);
    }

    public void forEach(Consumer<TracingRequest> action) {
        requests.find().projection(Projections.exclude("history")).forEach(d -> action.accept(toRequest(d)));
    }

    public long count() {
        return requests.countDocuments();
    }

    private List<Document> documents(List<?> values) {
        return values.stream().map(mapper::toDocument).toList();
    }

    private TracingRequest toRequest(Document document) {
        return mapper.fromDocument(document, TracingRequest.class);
    }
}
