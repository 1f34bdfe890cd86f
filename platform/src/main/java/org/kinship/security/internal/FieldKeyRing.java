package org.kinship.security.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys for field encryption, by id; the first is current. Its {@link #toString()} shows ids only:
 * keys are never logged.
 */
public final class FieldKeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private FieldKeyRing(Map<String, SecretKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one field encryption key is needed");
        }
        this.keys = Map.copyOf(keys);
        this.currentId = keys.keySet().iterator().next();
    }

    /**
     * Reads {@code keyId:base64Key,keyId:base64Key...}.
     *
     * @throws IllegalArgumentException naming the key id (never the key) that is malformed
     */
    public static FieldKeyRing parse(String spec) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        List<String> entries = spec.lines().map(String::strip).filter(line -> !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split(","))).map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("A field key is keyId:base64Key with an id of letters, digits, _ or -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Field key " + id + " is not valid base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("Field key " + id + " must be 32 bytes (AES-256), not " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("Field key id " + id + " appears twice");
            }
        }
        return new FieldKeyRing(keys);
    }

    /** A fresh random key as {@code keyId:base64Key}. */
    public static String generateSpec(String id) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "FieldKeyRing[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
