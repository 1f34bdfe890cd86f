package org.kinship.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.jspecify.annotations.Nullable;
import org.kinship.security.internal.FieldKeyRing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts values of sensitive fields before they are stored: AES-256-GCM, a random 96-bit IV per value, the key
 * id stored beside the ciphertext so that keys can rotate ({@code KINSHIP_ENCRYPTION_KEYS}, ADR 0005). A value
 * is any JSON-like value (map, list, string, number, boolean, null); it becomes the envelope
 * <pre>{ "_enc": "v1", "kid": "k1", "iv": base64, "ct": base64 }</pre>
 * A {@code context} (e.g. {@code case/<id>/<field>}) is bound as associated data: a ciphertext copied to another
 * record or field does not decrypt there.
 */
@Component
public class FieldEncryptor {

    public static final String MARKER = "_enc";
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldKeyRing keys;

    FieldEncryptor(FieldKeyRing keys) {
        this.keys = keys;
    }

    /** An encryptor with the given {@code keyId:base64Key,...} keys, the first current (tools and tests). */
    public static FieldEncryptor withKeys(String spec) {
        return new FieldEncryptor(FieldKeyRing.parse(spec));
    }

    public Map<String, Object> encrypt(@Nullable Object value) {
        return encrypt(value, "");
    }

    public Map<String, Object> encrypt(@Nullable Object value, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] plain = JSON.writeValueAsBytes(value);
        byte[] cipherText = run(Cipher.ENCRYPT_MODE, keys.current(), iv, aad(keys.currentId(), context), plain);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put(MARKER, VERSION);
        envelope.put("kid", keys.currentId());
        envelope.put("iv", Base64.getEncoder().encodeToString(iv));
        envelope.put("ct", Base64.getEncoder().encodeToString(cipherText));
        return envelope;
    }

    public @Nullable Object decrypt(Object envelope) {
        return decrypt(envelope, "");
    }

    /**
     * The original value (maps and lists as {@code LinkedHashMap}/{@code ArrayList}).
     *
     * @throws FieldDecryptionException for an unknown key id, another context or an altered ciphertext
     */
    public @Nullable Object decrypt(Object envelope, String context) {
        if (!isEncrypted(envelope)) {
            throw new FieldDecryptionException("Not an encrypted value");
        }
        Map<?, ?> map = (Map<?, ?>) envelope;
        String keyId = String.valueOf(map.get("kid"));
        SecretKey key = keys.find(keyId).orElseThrow(() -> new FieldDecryptionException(
                "No field key with id " + keyId + " is configured (was it removed from KINSHIP_ENCRYPTION_KEYS?)"));
        try {
            byte[] iv = Base64.getDecoder().decode(String.valueOf(map.get("iv")));
            byte[] cipherText = Base64.getDecoder().decode(String.valueOf(map.get("ct")));
            return JSON.readValue(run(Cipher.DECRYPT_MODE, key, iv, aad(keyId, context), cipherText), Object.class);
        } catch (IllegalArgumentException | FieldDecryptionException e) {
            throw new FieldDecryptionException("Encrypted value with key " + keyId + " cannot be decrypted", e);
        }
    }

    /** The envelope re-encrypted with the current key; unchanged when it already uses it. */
    public Map<String, Object> rotate(Object envelope, String context) {
        if (isEncrypted(envelope) && keys.currentId().equals(((Map<?, ?>) envelope).get("kid"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> same = (Map<String, Object>) envelope;
            return same;
        }
        return encrypt(decrypt(envelope, context), context);
    }

    public static boolean isEncrypted(@Nullable Object value) {
        return value instanceof Map<?, ?> map && VERSION.equals(map.get(MARKER)) && map.get("ct") != null;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    private static byte[] aad(String keyId, String context) {
        return ("kinship-field|" + VERSION + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new FieldDecryptionException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed", e);
        }
    }
}
