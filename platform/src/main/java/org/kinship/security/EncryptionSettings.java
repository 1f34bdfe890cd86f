package org.kinship.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for sensitive fields encrypted at rest.
 *
 * @param keys {@code KINSHIP_ENCRYPTION_KEYS}: comma-separated {@code keyId:base64Key} pairs of 256-bit AES keys,
 *             the first one current (used to encrypt), the others only to decrypt older values. Required with
 *             an external MongoDB (every node must share the keys); without it the embedded default generates
 *             {@code ${KINSHIP_DATA_DIR}/keys/field-keys} (owner-only) on first start.
 */
@ConfigurationProperties("kinship.encryption")
public record EncryptionSettings(@Nullable String keys) {
}
