package org.kinship.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code ${KINSHIP_DATA_DIR}/keys/field-keys}: the field keys of an embedded installation, generated on first
 * start, readable by the owner only. Back it up with the data directory, separately from the database dumps.
 */
final class FieldKeyFile {

    private final Path file;

    FieldKeyFile(Path file) {
        this.file = file;
    }

    /** The key ring in the file, generating the file with one new key when it does not exist yet. */
    FieldKeyRing loadOrCreate() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return FieldKeyRing.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the field key file " + file, e);
        }
    }

    private void create() throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory);
        if (posix) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        String id = "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        String content = "# Kinship field encryption keys: keyId:base64Key, the first is current. Keep secret.\n"
                + FieldKeyRing.generateSpec(id) + "\n";
        Path temporary = Files.createTempFile(directory, "field-keys", ".tmp");
        if (posix) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
