package org.kinship.templates.internal;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.kinship.templates.TrustedKey;
import org.kinship.templates.TemplateSettings;
import org.springframework.stereotype.Component;

/**
 * Whose packages this instance accepts: keys administrators added, keys from
 * {@code KINSHIP_TEMPLATES_TRUSTED_KEYS}, and the instance's own key (so its exports re-import).
 */
@Component
public class TrustStore {

    private final MongoTemplateRepository repository;
    private final TemplateSettings settings;
    private final InstanceKey instanceKey;
    private final Clock clock;

    TrustStore(MongoTemplateRepository repository, TemplateSettings settings, InstanceKey instanceKey, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.instanceKey = instanceKey;
        this.clock = clock;
    }

    public List<TrustedKey> keys() {
        List<TrustedKey> keys = new ArrayList<>();
        keys.add(new TrustedKey(Ed25519.keyId(instanceKey.publicKey()), "this instance",
                Ed25519.encode(instanceKey.publicKey()), "instance", clock.instant()));
        for (String encoded : settings.trustedKeys()) {
            Ed25519.publicKey(encoded).ifPresent(key -> keys.add(new TrustedKey(Ed25519.keyId(key),
                    "KINSHIP_TEMPLATES_TRUSTED_KEYS", Ed25519.encode(key), "environment", clock.instant())));
        }
        keys.addAll(repository.trustedKeys());
        return keys;
    }

    public boolean isTrusted(PublicKey key) {
        String encoded = Ed25519.encode(key);
        return keys().stream().anyMatch(trusted -> trusted.publicKey().equals(encoded));
    }

    /** Adds a publisher key; refused ({@link IllegalArgumentException}) when it is not an Ed25519 public key. */
    public TrustedKey trust(String name, String publicKey) {
        PublicKey key = Ed25519.publicKey(publicKey)
                .orElseThrow(() -> new IllegalArgumentException("not a Base64 X.509 Ed25519 public key"));
        TrustedKey trusted = new TrustedKey(Ed25519.keyId(key), name, Ed25519.encode(key), "administrator",
                clock.instant());
        repository.trust(trusted);
        return trusted;
    }

    public void distrust(String keyId) {
        repository.distrust(keyId);
    }
}
