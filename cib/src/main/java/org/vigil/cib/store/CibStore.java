package org.vigil.cib.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durable storage of one CIB file with a digest beside it and numbered backups, in the way
 * Pacemaker keeps {@code cib.xml}, {@code cib.xml.sig} and {@code cib-N.raw}.
 *
 * <p>A write goes to a temporary file that is flushed to disk and then renamed over the
 * file, so a crash leaves either the old or the new CIB, never half of one. The digest
 * (SHA-256 of the bytes) is written the same way; on load a file whose digest does not match
 * is refused, with the name of the newest backup that is intact.
 */
public final class CibStore {
  private static final Pattern BACKUP = Pattern.compile("(.+)-([0-9]+)\\.raw");
  private final Path file;
  private final int backups;
  private final CrashPoint crashPoint;
  /** Daemon threads, so that a store never keeps a process alive. */
  private static final ExecutorService SYNCER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "cib-store-sync");
    t.setDaemon(true);
    return t;
  });
  /** Backups on disk, oldest first: read from the directory at the first save, then kept here. */
  private List<Integer> backupNumbers;

  /** Where a test may stop a write, to show what a crash at that point leaves behind. */
  public enum CrashPoint {
    NONE,
    AFTER_TEMP_WRITTEN,
    AFTER_FILE_RENAMED
  }

  public CibStore(Path file, int backups) {
    this(file, backups, CrashPoint.NONE);
  }

  CibStore(Path file, int backups, CrashPoint crashPoint) {
    this.file = file.toAbsolutePath();
    this.backups = backups;
    this.crashPoint = crashPoint;
  }

  /** A store that "crashes" (throws {@link SimulatedCrash}) at the given point of each write. */
  public static CibStore crashingAt(Path file, int backups, CrashPoint point) {
    return new CibStore(file, backups, point);
  }

  /** Thrown by a store made with {@link #crashingAt} where the crash is simulated. */
  public static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(CrashPoint p) {
      super("simulated crash at " + p);
    }
  }

  public Path file() {
    return file;
  }

  public Path signatureFile() {
    return file.resolveSibling(file.getFileName() + ".sig");
  }

  private Path tempFile() {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  private Path tempSignature() {
    return file.resolveSibling(file.getFileName() + ".sig.tmp");
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /** The stored text, after checking it against its digest. */
  public String load() throws CibStoreException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CibStoreException("CIB file " + file + " does not exist");
    } catch (IOException e) {
      throw new CibStoreException("cannot read CIB file " + file + ": " + e.getMessage(), e);
    }
    String digest = digest(bytes);
    Optional<String> signed = readSignature(signatureFile());
    if (signed.isPresent() && signed.get().equals(digest)) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    // A crash between the two renames of a write leaves the new file with its digest still in the temp signature.
    Optional<String> pending = readSignature(tempSignature());
    if (pending.isPresent() && pending.get().equals(digest)) {
      try {
        moveAtomically(tempSignature(), signatureFile());
      } catch (IOException e) {
        throw new CibStoreException("cannot complete the interrupted write of " + file + ": " + e.getMessage(), e);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
    String why = signed.isEmpty()
        ? "its digest file " + signatureFile() + " is missing"
        : "its content does not match its digest in " + signatureFile() + " (torn or changed by hand)";
    String hint = newestIntactBackup()
        .map(b -> "; the newest intact backup is " + b)
        .orElse("; no intact backup exists");
    throw new CibStoreException("refusing CIB file " + file + ": " + why + hint);
  }

  /**
   * Writes the text durably; the previous file becomes backup N (the oldest beyond the limit go).
   *
   * <p>Two sync points, not three: the new file and its digest are synced at the same time (their
   * creations sit in the same file-system transaction, so overlapping syncs are committed together),
   * and only then renamed into place, and the directory is synced once for both renames. A crash
   * anywhere leaves a pair that {@link #load} accepts: the old one, or the new file with its digest
   * (renamed, or still in the temporary signature). The backup is a hard link to the replaced file:
   * no copy and no sync of its own, because the file is only ever replaced by rename, never changed in
   * place, and its links become durable with the same directory sync; a backup lost in a crash loses
   * nothing that was stored.
   */
  public void save(String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    if (backupNumbers == null) {
      Files.createDirectories(file.getParent());
      backupNumbers = new ArrayList<>(scanBackupNumbers());
    }
    try (FileChannel data = create(tempFile()); FileChannel sig = create(tempSignature())) {
      writeAll(data, bytes);
      writeAll(sig, (digest(bytes) + "\n").getBytes(StandardCharsets.UTF_8));
      syncTogether(data, sig);
    }
    if (crashPoint == CrashPoint.AFTER_TEMP_WRITTEN) {
      throw new SimulatedCrash(crashPoint);
    }
    if (backups > 0 && Files.exists(file)) {
      backUpCurrent();
    }
    moveAtomically(tempFile(), file);
    if (crashPoint == CrashPoint.AFTER_FILE_RENAMED) {
      throw new SimulatedCrash(crashPoint);
    }
    moveAtomically(tempSignature(), signatureFile());
    syncDirectory(file.getParent());
  }

  private void backUpCurrent() throws IOException {
    int next = backupNumbers.isEmpty() ? 1 : backupNumbers.get(backupNumbers.size() - 1) + 1;
    Path backup = backupPath(next);
    linkOrCopy(file, backup);
    if (Files.exists(signatureFile())) {
      linkOrCopy(signatureFile(), backup.resolveSibling(backup.getFileName() + ".sig"));
    }
    backupNumbers.add(next);
    while (backupNumbers.size() > backups) {
      Path old = backupPath(backupNumbers.remove(0));
      Files.deleteIfExists(old);
      Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".sig"));
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    Files.deleteIfExists(to);
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String baseName() {
    String name = file.getFileName().toString();
    return name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
  }

  private Path backupPath(int n) {
    return file.resolveSibling(baseName() + "-" + n + ".raw");
  }

  /** Backup numbers, oldest first. */
  public List<Integer> backupNumbers() throws IOException {
    return scanBackupNumbers();
  }

  private List<Integer> scanBackupNumbers() throws IOException {
    List<Integer> out = new ArrayList<>();
    if (!Files.isDirectory(file.getParent())) {
      return out;
    }
    try (var entries = Files.list(file.getParent())) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        Matcher m = BACKUP.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(baseName())) {
          out.add(Integer.parseInt(m.group(2)));
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** The newest backup whose content matches its digest. */
  public Optional<Path> newestIntactBackup() {
    try {
      List<Integer> numbers = backupNumbers();
      for (int i = numbers.size() - 1; i >= 0; i--) {
        Path b = backupPath(numbers.get(i));
        Optional<String> sig = readSignature(b.resolveSibling(b.getFileName() + ".sig"));
        if (sig.isPresent() && sig.get().equals(digest(Files.readAllBytes(b)))) {
          return Optional.of(b);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> readSignature(Path sig) {
    try {
      return Optional.of(Files.readString(sig, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static FileChannel create(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  /** Syncs both files, the second on another thread at the same time; returns once both are on disk. */
  private static void syncTogether(FileChannel a, FileChannel b) throws IOException {
    Future<?> other = SYNCER.submit(() -> {
      b.force(true);
      return null;
    });
    a.force(true);
    try {
      other.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while syncing " + a, e);
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory for syncing; the renames are still atomic
    }
  }
}
