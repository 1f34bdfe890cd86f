package org.kinship.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class FieldEncryptionIntegrationTests {

    @Autowired
    FieldEncryptor encryptor;

    @Autowired
    MongoDatabase database;

    @Test
    void aSensitiveValueIsNotReadableInTheRawMongoDocumentAndDecryptsBack() {
        MongoCollection<Document> cases = database.getCollection("encryption_test_cases");
        Map<String, Object> survivor = Map.of("abuser", "Uncle Kato", "places", List.of("Goma", "Bukavu"));
        cases.insertOne(new Document("_id", "case-1").append("age", 11)
                .append("disclosure", new Document(encryptor.encrypt(survivor, "case/case-1/disclosure"))));

        Document raw = cases.find(eq("_id", "case-1")).first();

        assertThat(raw.toJson()).doesNotContain("Kato", "Goma", "Bukavu").contains("\"_enc\": \"v1\"");
        assertThat(encryptor.decrypt(raw.get("disclosure"), "case/case-1/disclosure")).isEqualTo(survivor);
    }
}
