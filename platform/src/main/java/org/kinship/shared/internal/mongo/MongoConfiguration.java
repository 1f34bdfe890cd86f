package org.kinship.shared.internal.mongo;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.kinship.shared.StorageSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB driver, pointed at {@code KINSHIP_MONGODB_URI} or, when that is absent, at the embedded server.
 * The same driver code runs against both (ADR 0001).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
class MongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServerHolder embeddedMongoServer(StorageSettings settings) {
        if (!settings.embedded()) {
            return EmbeddedMongoServerHolder.none();
        }
        return EmbeddedMongoServerHolder.of(settings.embeddedInMemory()
                ? EmbeddedMongoServer.startInMemory()
                : EmbeddedMongoServer.startPersistent(settings.resolve("mongo.mv")));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageSettings settings, ObjectProvider<EmbeddedMongoServerHolder> embedded) {
        String uri = embedded.getObject().server()
                .map(EmbeddedMongoServer::connectionString)
                .orElse(settings.mongodbUri());
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("kinship")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, TimeUnit.SECONDS));
        if (!settings.embedded()) {
            // A write is acknowledged only once a majority of the replica set has it: no lost update on failover.
            builder.writeConcern(WriteConcern.MAJORITY.withJournal(true)).readConcern(ReadConcern.MAJORITY);
        }
        return MongoClients.create(builder.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageSettings settings) {
        return client.getDatabase(settings.mongodbDatabase());
    }
}
