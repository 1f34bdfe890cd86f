package org.kinship.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Template packages, bound under {@code kinship.templates}.
 *
 * @param trustedKeys        publisher public keys (Base64 X.509 Ed25519) trusted besides those administrators add
 *                           ({@code KINSHIP_TEMPLATES_TRUSTED_KEYS}, comma-separated)
 * @param signingKey         this instance's private key (Base64 PKCS#8) ({@code KINSHIP_TEMPLATES_SIGNING_KEY});
 *                           when absent one is generated into {@code ${KINSHIP_DATA_DIR}/keys/}
 * @param signingPublicKey   the matching public key ({@code KINSHIP_TEMPLATES_SIGNING_PUBLIC_KEY})
 * @param publisher          publisher name written into exported packages ({@code KINSHIP_TEMPLATES_PUBLISHER})
 * @param installStandardSet install and publish the bundled standard set on an empty database
 *                           ({@code KINSHIP_TEMPLATES_INSTALL_STANDARD_SET}, default true)
 */
@ConfigurationProperties("kinship.templates")
public record TemplateSettings(
        @DefaultValue("") List<String> trustedKeys,
        @Nullable String signingKey,
        @Nullable String signingPublicKey,
        @DefaultValue("Kinship instance") String publisher,
        @DefaultValue("true") boolean installStandardSet) {
}
