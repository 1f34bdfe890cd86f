package org.kinship.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kinship keeps its data.
 *
 * @param dataDir            folder for the embedded MongoDB file, the workflow database, the search indexes
 *                           and the first-start credentials ({@code KINSHIP_DATA_DIR}, default {@code ./data})
 * @param mongodbUri         an external MongoDB ({@code KINSHIP_MONGODB_URI}); when absent the embedded server runs
 * @param mongodbDatabase    database name ({@code KINSHIP_MONGODB_DATABASE}, default {@code kinship})
 * @param embeddedInMemory   keep the embedded server in memory (tests only; nothing survives a restart)
 */
@ConfigurationProperties("kinship")
public record StorageSettings(
        @DefaultValue("./data") Path dataDir,
        @Nullable String mongodbUri,
        @DefaultValue("kinship") String mongodbDatabase,
        @DefaultValue("false") boolean embeddedInMemory) {

    /** True when no external MongoDB is configured and the embedded server must run. */
    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }

    /** A sub-folder of the data directory, made absolute. */
    public Path resolve(String name) {
        return dataDir.toAbsolutePath().normalize().resolve(name);
    }
}
