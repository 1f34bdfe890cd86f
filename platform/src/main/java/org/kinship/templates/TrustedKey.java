package org.kinship.templates;

import java.time.Instant;

/**
 * A publisher key whose packages this instance accepts.
 *
 * @param keyId     first 16 hex digits of the SHA-256 of the encoded key
 * @param publicKey Ed25519 public key, X.509 encoded, Base64
 * @param source    {@code administrator} (stored), {@code environment} or {@code instance} (this instance's own)
 */
public record TrustedKey(String keyId, String name, String publicKey, String source, Instant addedAt) {
}
