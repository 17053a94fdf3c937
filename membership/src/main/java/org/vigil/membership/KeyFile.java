package org.vigil.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared cluster key, like corosync's {@code /etc/corosync/authkey}: random bytes that every node
 * holds in a file only its owner can read. Every cluster message is authenticated and encrypted with
 * keys derived from it; a node without the same file cannot join.
 */
public final class KeyFile {

    /** Bytes written by {@link #generate(Path)} (corosync-keygen's default is 2048 bits). */
    public static final int GENERATED_SIZE = 256;
    /** Accepted sizes, as corosync accepts 1024 to 4096 bits. */
    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 512;

    private static final Set<PosixFilePermission> FORBIDDEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final byte[] secret;

    private KeyFile(Path path, byte[] secret) {
        this.path = path;
        this.secret = secret;
    }

    /**
     * Writes a new key of {@link #GENERATED_SIZE} random bytes with mode 0600. Refuses to replace an
     * existing file, so a running cluster's key is never lost by accident.
     */
    public static KeyFile generate(Path path) throws MembershipException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new MembershipException("key file " + path + ": already exists; remove it first to replace the key");
        }
        byte[] secret = new byte[GENERATED_SIZE];
        new SecureRandom().nextBytes(secret);
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".authkey", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, secret);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new MembershipException("key file " + path + ": already exists; remove it first to replace the key");
        } catch (IOException | UnsupportedOperationException e) {
            throw new MembershipException("key file " + path + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
        return new KeyFile(path, secret);
    }

    /**
     * Reads a key file, refusing one that group or others may access, or whose size is outside
     * {@link #MIN_SIZE}..{@link #MAX_SIZE} bytes.
     */
    public static KeyFile load(Path path) throws MembershipException {
        if (!Files.isRegularFile(path)) {
            throw new MembershipException("key file " + path + ": not found or not a regular file"
                    + " (create one with KeyFile.generate, like corosync-keygen)");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(perms);
            open.retainAll(FORBIDDEN);
            if (!open.isEmpty()) {
                throw new MembershipException("key file " + path + ": mode " + PosixFilePermissions.toString(perms)
                        + " lets group or others access the cluster key; run chmod 600 " + path);
            }
            long size = Files.size(path);
            if (size < MIN_SIZE || size > MAX_SIZE) {
                throw new MembershipException("key file " + path + ": " + size + " bytes; a cluster key has "
                        + MIN_SIZE + " to " + MAX_SIZE + " bytes");
            }
            return new KeyFile(path, Files.readAllBytes(path));
        } catch (IOException | UnsupportedOperationException e) {
            throw new MembershipException("key file " + path + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * A 32-byte key for one purpose, derived with HKDF-SHA256 (RFC 5869) so that no two uses share key
     * material and the raw key never leaves this class.
     *
     * @param context what the key is for, e.g. the cluster name and protocol version
     */
    public byte[] derive(String context) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec("vigil-authkey-v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] prk = extract.doFinal(secret);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(context.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** A short public identifier of the key for logs: equal keys have equal fingerprints. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(derive("fingerprint"));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the temporary file holds no key the caller was told about.
            }
        }
    }

    @Override
    public String toString() {
        return "KeyFile[" + path + ", fingerprint " + fingerprint() + "]";
    }
}
