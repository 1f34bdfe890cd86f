package org.kinship.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code ${KINSHIP_DATA_DIR}/initial-credentials.txt}: one {@code user password} pair per line, readable by
 * the owner only. Written at first start so that generated passwords are never lost and never logged.
 */
final class CredentialsFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    CredentialsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    void append(String username, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(file)) {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            Files.writeString(file, username + " " + password + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial credentials to " + file, e);
        }
    }
}
