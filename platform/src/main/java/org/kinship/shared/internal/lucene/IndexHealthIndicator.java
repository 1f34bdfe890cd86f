package org.kinship.shared.internal.lucene;

import java.nio.file.Files;

import org.kinship.shared.StorageSettings;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "searchIndex": the index folder is writable and the open indexes' sizes. */
@Component("searchIndex")
class IndexHealthIndicator extends AbstractHealthIndicator {

    private final IndexDirectories indexes;
    private final StorageSettings settings;

    IndexHealthIndicator(IndexDirectories indexes, StorageSettings settings) {
        super("Search index health check failed");
        this.indexes = indexes;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws java.io.IOException {
        if (!settings.embeddedInMemory()) {
            Files.createDirectories(indexes.root());
            if (!Files.isWritable(indexes.root())) {
                builder.down().withDetail("reason", "index folder is not writable");
                return;
            }
        }
        builder.up().withDetail("documents", indexes.documentCounts());
    }
}
