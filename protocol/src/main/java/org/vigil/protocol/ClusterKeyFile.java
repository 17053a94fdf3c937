package org.vigil.protocol;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Writes a new cluster key file for {@code crm cluster keygen}, in the format vigild reads (the
 * membership module's KeyFile: raw random bytes, mode 0600), without the shell depending on the
 * daemon's modules.
 */
public final class ClusterKeyFile {
  /** Bytes in a new key (2048 bits, corosync-keygen's default). */
  public static final int SIZE = 256;

  private ClusterKeyFile() {}

  /** Writes {@link #SIZE} random bytes to {@code path} with mode 0600; refuses to replace a file. */
  public static void generate(Path path) throws IOException {
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(path + ": already exists; remove it first to replace the key");
    }
    byte[] secret = new byte[SIZE];
    new SecureRandom().nextBytes(secret);
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".authkey", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(tmp, secret);
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
