package org.kinship.reports.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateImport;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Aggregate definitions (one immutable document per version, {@code aggregate_definitions}) and imports
 * ({@code aggregate_imports}: one document per import holding every file of it, so an import is stored whole
 * or not at all without a transaction).
 */
@Repository
class MongoAggregateRepository {

    private final MongoCollection<Document> definitions;
    private final MongoCollection<Document> imports;
    private final DocumentMapper mapper;

    MongoAggregateRepository(MongoDatabase database, DocumentMapper mapper) {
        this.definitions = database.getCollection("aggregate_definitions");
        this.imports = database.getCollection("aggregate_imports");
        this.mapper = mapper;
        definitions.createIndex(Indexes.ascending("definitionId", "version"),
                new IndexOptions().unique(true).name("definition_version"));
        imports.createIndex(Indexes.ascending("definitionId", "definitionVersion", "period"),
                new IndexOptions().name("definition_period"));
    }

    /** Stores a new version; a version someone else stored first is a {@link StaleVersionException}. */
    void insertDefinition(AggregateDefinition definition) {
        Document document = mapper.toDocument(definition);
        document.put("definitionId", definition.id());
        document.put("_id", definition.id() + ":" + definition.version());
        try {
            definitions.insertOne(document);
        } catch (MongoWriteException e) {
            throw new StaleVersionException("aggregate definition", definition.id(), definition.version() - 1L);
        }
    }

    Optional<AggregateDefinition> findDefinition(String id, int version) {
        return Optional.ofNullable(definitions.find(eq("_id", id + ":" + version)).first()).map(this::definition);
    }

    Optional<AggregateDefinition> latestDefinition(String id) {
        return Optional.ofNullable(definitions.find(eq("definitionId", id)).sort(Sorts.descending("version")).first())
                .map(this::definition);
    }

    List<AggregateDefinition> latestDefinitions() {
        Map<String, AggregateDefinition> latest = new LinkedHashMap<>();
        definitions.find().map(this::definition).forEach(d -> latest.merge(d.id(), d,
                (a, b) -> a.version() >= b.version() ? a : b));
        List<AggregateDefinition> all = new ArrayList<>(latest.values());
        all.sort(Comparator.comparing(AggregateDefinition::id));
        return all;
    }

    long countDefinitions() {
        return definitions.countDocuments();
    }

    void insertImport(AggregateImport imported) {
        imports.insertOne(mapper.toDocument(imported));
    }

    /** Every import of one definition version and month, oldest first. */
    List<AggregateImport> imports(String definitionId, int version, String period) {
        return imports.find(new Document("definitionId", definitionId).append("definitionVersion", version)
                .append("period", period)).map(d -> mapper.fromDocument(d, AggregateImport.class))
                .into(new ArrayList<>()).stream().sorted(Comparator.comparing(AggregateImport::importedAt)
                        .thenComparing(AggregateImport::id)).toList();
    }

    private AggregateDefinition definition(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        copy.put("id", copy.remove("definitionId"));
        return mapper.fromDocument(copy, AggregateDefinition.class);
    }
}
