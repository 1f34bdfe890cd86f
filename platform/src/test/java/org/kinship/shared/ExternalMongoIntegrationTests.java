package org.kinship.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.kinship.shared.internal.mongo.EmbeddedMongoServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With {@code KINSHIP_MONGODB_URI} set, the platform uses that server and starts no embedded one. */
class ExternalMongoIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredMongoDbUriIsUsedInsteadOfTheEmbeddedServer() {
        try (EmbeddedMongoServer external = EmbeddedMongoServer.startInMemory();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties("kinship.data-dir=" + dataDir,
                                "kinship.mongodb-uri=" + external.connectionString(),
                                "kinship.mongodb-database=kinship_external",
                                "kinship.admin.password=Kivu-Lantern-Test-42",
                                "flowable.async-executor-activate=false")
                        .run();
                MongoClient client = MongoClients.create(external.connectionString())) {

            assertThat(client.getDatabase("kinship_external").getCollection("users")
                    .find(new Document("username", "admin")).first()).isNotNull();
            assertThat(dataDir.resolve("mongo.mv")).doesNotExist();
        }
    }
}
