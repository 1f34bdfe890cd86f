package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.kinship.security.AgencyLogo;
import org.springframework.stereotype.Repository;

/** Agency logos in the {@code agency_logos} collection, one document per agency code ({@code _id}). */
@Repository
public class MongoAgencyLogoRepository {

    private final MongoCollection<Document> logos;

    MongoAgencyLogoRepository(MongoDatabase database) {
        this.logos = database.getCollection("agency_logos");
    }

    public Optional<AgencyLogo> find(String agencyCode) {
        return Optional.ofNullable(logos.find(eq("_id", agencyCode)).first()).map(document -> new AgencyLogo(
                agencyCode, document.getString("contentType"), document.get("bytes", Binary.class).getData()));
    }

    /** A logo replaces the previous one as a whole; there is nothing to merge, hence no version. */
    public void save(AgencyLogo logo) {
        logos.replaceOne(eq("_id", logo.agencyCode()), new Document("_id", logo.agencyCode())
                .append("contentType", logo.contentType()).append("bytes", new Binary(logo.bytes())),
                new ReplaceOptions().upsert(true));
    }
}
