package org.kinship.shared.internal.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kinship.shared.StorageSettings;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "mongo": answers a ping and says which server is in use. */
@Component("mongo")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final StorageSettings settings;

    MongoHealthIndicator(MongoDatabase database, StorageSettings settings) {
        super("MongoDB health check failed");
        this.database = database;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("mode", settings.embedded() ? "embedded" : "external")
                .withDetail("database", database.getName());
    }
}
