package org.kinship.security.internal;

import org.kinship.security.EncryptionSettings;
import org.kinship.shared.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the field keys come from (ADR 0005): {@code KINSHIP_ENCRYPTION_KEYS}; otherwise, for the embedded
 * database, the generated key file (or a throw-away key when the database itself is in memory). An external
 * MongoDB without configured keys is refused at start: nodes generating their own keys would not read each
 * other's data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionSettings.class)
class FieldKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldKeyConfiguration.class);

    @Bean
    FieldKeyRing fieldKeyRing(EncryptionSettings settings, StorageSettings storage) {
        FieldKeyRing ring;
        if (settings.keys() != null && !settings.keys().isBlank()) {
            ring = FieldKeyRing.parse(settings.keys());
        } else if (!storage.embedded()) {
            throw new IllegalStateException("KINSHIP_ENCRYPTION_KEYS must be set when KINSHIP_MONGODB_URI is: "
                    + "every application node needs the same field encryption keys");
        } else if (storage.embeddedInMemory()) {
            ring = FieldKeyRing.parse(FieldKeyRing.generateSpec("memory"));
        } else {
            ring = new FieldKeyFile(storage.resolve("keys").resolve("field-keys")).loadOrCreate();
        }
        log.info("Field encryption keys ready: {}", ring);
        return ring;
    }
}
