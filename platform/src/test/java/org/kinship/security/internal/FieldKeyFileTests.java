package org.kinship.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldKeyFileTests {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartGeneratesAnOwnerOnlyKeyFileThatLaterStartsReuse() throws Exception {
        Path file = dataDir.resolve("keys").resolve("field-keys");

        FieldKeyRing first = new FieldKeyFile(file).loadOrCreate();
        FieldKeyRing second = new FieldKeyFile(file).loadOrCreate();

        assertThat(second.currentId()).isEqualTo(first.currentId());
        assertThat(second.current().getEncoded()).isEqualTo(first.current().getEncoded());
        assertThat(first.current().getEncoded()).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }
}
