package org.kinship.shared.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTests {

    @TempDir
    Path dataDir;

    @Test
    void documentWrittenThroughTheDriverIsReadBackAfterARestart() {
        Path file = dataDir.resolve("mongo.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(file);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("kinship").getCollection("probe")
                    .insertOne(new Document("_id", "child-1").append("name", "Amina").append("version", 0L));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(file);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> probe = client.getDatabase("kinship").getCollection("probe");
            Document found = probe.find(new Document("_id", "child-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Amina");
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory()) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
        }
    }
}
