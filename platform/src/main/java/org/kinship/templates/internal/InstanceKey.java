package org.kinship.templates.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.kinship.shared.StorageSettings;
import org.kinship.templates.TemplateSettings;
import org.springframework.stereotype.Component;

/**
 * This instance's template signing key: from the environment when given, else read from (or generated once
 * into) {@code ${KINSHIP_DATA_DIR}/keys/}, readable by the owner only. An in-memory test instance keeps a key
 * for its lifetime only, so tests never write into the working directory.
 */
@Component
public class InstanceKey {

    static final String PRIVATE_FILE = "template-signing.key";
    static final String PUBLIC_FILE = "template-signing.pub";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    InstanceKey(TemplateSettings settings, StorageSettings storage) {
        KeyPair pair;
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            String encodedPublic = settings.signingPublicKey();
            pair = new KeyPair(Ed25519.publicKey(encodedPublic == null ? "" : encodedPublic).orElseThrow(
                    () -> new IllegalStateException("KINSHIP_TEMPLATES_SIGNING_PUBLIC_KEY is missing or invalid")),
                    Ed25519.privateKey(settings.signingKey()));
        } else if (storage.embeddedInMemory()) {
            pair = Ed25519.generate();
        } else {
            pair = loadOrGenerate(storage.resolve("keys"));
        }
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    private static KeyPair loadOrGenerate(Path folder) {
        Path privatePath = folder.resolve(PRIVATE_FILE);
        Path publicPath = folder.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(privatePath) && Files.exists(publicPath)) {
                return new KeyPair(Ed25519.publicKey(Files.readString(publicPath)).orElseThrow(
                        () -> new IllegalStateException(publicPath + " is not an Ed25519 public key")),
                        Ed25519.privateKey(Files.readString(privatePath)));
            }
            KeyPair pair = Ed25519.generate();
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            if (privatePath.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // created owner-only, so the key is never readable by others, not even for a moment
                Files.createFile(privatePath, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(privatePath, Ed25519.encode(pair.getPrivate()));
            Files.writeString(publicPath, Ed25519.encode(pair.getPublic()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the template signing key in " + folder, e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
