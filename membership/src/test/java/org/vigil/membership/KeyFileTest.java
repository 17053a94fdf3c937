package org.vigil.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesRandomBytesOnlyTheOwnerCanRead() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        KeyFile.generate(a);
        KeyFile.generate(b);
        assertThat(Files.size(a)).isEqualTo(KeyFile.GENERATED_SIZE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
        assertThat(KeyFile.load(a).fingerprint()).isEqualTo(KeyFile.load(a).fingerprint())
                .isNotEqualTo(KeyFile.load(b).fingerprint());
    }

    @Test
    void generateNeverOverwritesAKey() throws Exception {
        Path a = dir.resolve("a");
        KeyFile.generate(a);
        byte[] before = Files.readAllBytes(a);
        assertThatThrownBy(() -> KeyFile.generate(a)).isInstanceOf(MembershipException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
    }

    @Test
    void loadRefusesAKeyOthersCanRead() throws Exception {
        Path a = dir.resolve("a");
        KeyFile.generate(a);
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.load(a)).hasMessageContaining(a.toString())
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
    }

    @Test
    void loadRefusesWrongSizesAndMissingFiles() throws Exception {
        Path small = dir.resolve("small");
        Files.write(small, new byte[16]);
        Files.setPosixFilePermissions(small, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFile.load(small)).hasMessageContaining("16 bytes");
        Path big = dir.resolve("big");
        Files.write(big, new byte[4096]);
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("r--------"));
        assertThatThrownBy(() -> KeyFile.load(big)).hasMessageContaining("4096 bytes");
        assertThatThrownBy(() -> KeyFile.load(dir.resolve("none"))).hasMessageContaining("not found");
    }

    @Test
    void derivedKeysDependOnContextAndKey() throws Exception {
        KeyFile k = KeyFile.generate(dir.resolve("k"));
        assertThat(k.derive("x")).hasSize(32).isEqualTo(KeyFile.load(dir.resolve("k")).derive("x"));
        assertThat(k.derive("x")).isNotEqualTo(k.derive("y"));
    }
}
