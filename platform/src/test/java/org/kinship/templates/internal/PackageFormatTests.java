package org.kinship.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.TemplatePackages;

import tools.jackson.databind.JsonNode;

class PackageFormatTests {

    private static final KeyPair KEY = Ed25519.generate();

    private static boolean verifies(String file) {
        PackageFormat.Unverified read = PackageFormat.read(file);
        return Ed25519.verify(Ed25519.publicKey(read.publicKey()).orElseThrow(), read.signedText(), read.signature());
    }

    @Test
    void aWrittenPackageReadsBackWithAValidSignature() {
        String file = TemplatePackages.aPackage("p", "f").signedWith(KEY);

        PackageFormat.Unverified read = PackageFormat.read(file);

        assertThat(read.content().manifest().id()).isEqualTo("p");
        assertThat(read.content().forms()).hasSize(1);
        assertThat(read.content().serviceLevels()).hasSize(1);
        assertThat(verifies(file)).isTrue();
    }

    @Test
    void reformattingKeepsTheSignatureButChangingOneCharacterBreaksIt() {
        String file = TemplatePackages.aPackage("p", "f").signedWith(KEY);
        JsonNode tree = CanonicalJson.MAPPER.readTree(file);

        assertThat(verifies(CanonicalJson.MAPPER.writeValueAsString(tree))).isTrue();
        assertThat(verifies(file.replaceFirst("Female", "Femalf"))).isFalse();
    }

    @Test
    void canonicalJsonSortsKeysAndDropsWhitespace() {
        assertThat(CanonicalJson.write(CanonicalJson.MAPPER.readTree("{ \"b\": [1, {\"d\": 1, \"c\": \"é\"}], \"a\": null }")))
                .isEqualTo("{\"a\":null,\"b\":[1,{\"c\":\"é\",\"d\":1}]}");
    }

    @Test
    void somethingElseIsNotAPackage() {
        assertThatThrownBy(() -> PackageFormat.read("[]")).isInstanceOf(PackageRefusedException.class);
        assertThatThrownBy(() -> PackageFormat.read("{\"format\": \"kinship-template-package/1\"}"))
                .isInstanceOf(PackageRefusedException.class);
    }

    @Test
    void dottedVersionsCompareNumerically() {
        assertThat(KinshipVersion.compare("0.10.0", "0.9.1")).isPositive();
        assertThat(KinshipVersion.compare("0.1", "0.1.0-SNAPSHOT")).isZero();
        assertThat(KinshipVersion.compare("0.1.0", "1.0")).isNegative();
    }
}
