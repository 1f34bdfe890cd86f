package org.kinship.tracing.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kinship.shared.StaleVersionException;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.MatchingSettingsVersion;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The administrator's weights in {@code matching_settings} (one document, versioned). */
@Repository
public class MongoMatchingSettingsRepository {

    private static final String ID = "weights";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MongoCollection<Document> settings;

    MongoMatchingSettingsRepository(MongoDatabase database) {
        this.settings = database.getCollection("matching_settings");
    }

    public Optional<MatchingSettingsVersion> find() {
        Document document = settings.find(eq("_id", ID)).first();
        if (document == null) {
            return Optional.empty();
        }
        // weights stored before a field or level existed weigh it as the defaults do
        MatchWeights weights = JSON.treeToValue(withoutFurtherParts(JSON.readTree(document.getString("weights"))),
                MatchWeights.class).completedWith(MatchWeights.defaults());
        return Optional.of(new MatchingSettingsVersion(weights,
                document.get("version", Number.class).longValue(), document.getString("updatedBy"),
                document.getDate("updatedAt").toInstant()));
    }

    /**
     * Weights stored before ADR 0032 have no bits for a further agreeing name part: their name levels were estimated
     * on names of any number of parts, so such a part adds nothing to them (and not the default, which goes with the
     * two-part levels).
     */
    private static JsonNode withoutFurtherParts(JsonNode weights) {
        if (weights.get("nameFrequency") instanceof ObjectNode frequency && !frequency.has("furtherPart")) {
            frequency.put("furtherPart", 0.0);
        }
        return weights;
    }

    /**
     * Stores the next version if the stored one is still {@code stored.version() - 1}.
     *
     * @throws StaleVersionException when someone else changed the settings first
     */
    public void save(MatchingSettingsVersion stored) {
        Document document = new Document("_id", ID).append("weights", JSON.writeValueAsString(stored.weights()))
                .append("version", stored.version()).append("updatedBy", stored.updatedBy())
                .append("updatedAt", Date.from(stored.updatedAt()));
        if (stored.version() == 1) {
            try {
                settings.insertOne(document);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new StaleVersionException("matching settings", ID, 0);
                }
                throw e;
            }
        }
        if (settings.findOneAndReplace(new Document("_id", ID).append("version", stored.version() - 1), document) == null) {
            throw new StaleVersionException("matching settings", ID, stored.version() - 1);
        }
    }
}
