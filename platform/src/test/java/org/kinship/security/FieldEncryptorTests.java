package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.security.internal.FieldKeyRing;

class FieldEncryptorTests {

    private static final String K1 = FieldKeyRing.generateSpec("k1");
    private static final String K2 = FieldKeyRing.generateSpec("k2");

    @Test
    void jsonLikeValuesComeBackAsTheyWent() {
        FieldEncryptor encryptor = FieldEncryptor.withKeys(K1);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Amina");
        value.put("age", 9);
        value.put("siblings", List.of("Yusuf", "Hawa"));

        for (Object original : List.of("Amina", 42, 3.5, true, List.of(1, 2), value)) {
            assertThat(encryptor.decrypt(encryptor.encrypt(original, "case/1/name"), "case/1/name"))
                    .isEqualTo(original);
        }
        assertThat(encryptor.decrypt(encryptor.encrypt(null))).isNull();
    }

    @Test
    void theEnvelopeNamesItsKeyAndNeverShowsThePlaintext() {
        FieldEncryptor encryptor = FieldEncryptor.withKeys(K1);

        Map<String, Object> envelope = encryptor.encrypt("Amina lives near the market");

        assertThat(envelope).containsEntry("_enc", "v1").containsEntry("kid", "k1").containsKeys("iv", "ct");
        assertThat(envelope.toString()).doesNotContain("Amina", "market");
        assertThat(FieldEncryptor.isEncrypted(envelope)).isTrue();
        assertThat(FieldEncryptor.isEncrypted("Amina")).isFalse();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeBecauseTheIvIsRandom() {
        FieldEncryptor encryptor = FieldEncryptor.withKeys(K1);

        Map<String, Object> first = encryptor.encrypt("Amina");
        Map<String, Object> second = encryptor.encrypt("Amina");

        assertThat(first.get("iv")).isNotEqualTo(second.get("iv"));
        assertThat(first.get("ct")).isNotEqualTo(second.get("ct"));
        assertThat(java.util.Base64.getDecoder().decode((String) first.get("iv"))).hasSize(12);
    }

    @Test
    void anAlteredCiphertextOrAnotherContextDoesNotDecrypt() {
        FieldEncryptor encryptor = FieldEncryptor.withKeys(K1);
        Map<String, Object> envelope = encryptor.encrypt("Amina", "case/1/name");
        Map<String, Object> altered = new LinkedHashMap<>(envelope);
        byte[] bytes = java.util.Base64.getDecoder().decode((String) envelope.get("ct"));
        bytes[0] ^= 1;
        altered.put("ct", java.util.Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> encryptor.decrypt(altered, "case/1/name")).isInstanceOf(FieldDecryptionException.class);
        assertThatThrownBy(() -> encryptor.decrypt(envelope, "case/2/name")).isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        Map<String, Object> old = FieldEncryptor.withKeys(K1).encrypt("Amina", "ctx");
        FieldEncryptor rotated = FieldEncryptor.withKeys(K2 + "," + K1);

        assertThat(rotated.decrypt(old, "ctx")).isEqualTo("Amina");
        assertThat(rotated.encrypt("Yusuf")).containsEntry("kid", "k2");
        Map<String, Object> reencrypted = rotated.rotate(old, "ctx");
        assertThat(reencrypted).containsEntry("kid", "k2");
        assertThat(FieldEncryptor.withKeys(K2).decrypt(reencrypted, "ctx")).isEqualTo("Amina");
        assertThat(rotated.rotate(reencrypted, "ctx")).isSameAs(reencrypted);
    }

    @Test
    void aValueWhoseKeyWasRemovedFailsNamingTheKeyId() {
        Map<String, Object> old = FieldEncryptor.withKeys(K1).encrypt("Amina");

        assertThatThrownBy(() -> FieldEncryptor.withKeys(K2).decrypt(old))
                .isInstanceOf(FieldDecryptionException.class).hasMessageContaining("k1");
    }

    @Test
    void malformedKeysAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> FieldEncryptor.withKeys("short:c2hvcnQ="))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> FieldEncryptor.withKeys(K1 + "," + K1)).hasMessageContaining("twice");
        assertThat(FieldKeyRing.parse(K2 + "\n# old key\n" + K1).toString()).startsWith("FieldKeyRing[current=k2")
                .contains("k1").doesNotContain(K1.substring(3), K2.substring(3));
    }
}
