package io.sextant.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated secrets kept in files readable by the owner only. A secret is created once, on first
 * use, and read back on every later start; its value is never logged and never printed.
 */
public final class SecretStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public SecretStore(Path directory) {
        this.directory = directory;
    }

    /** The secret of that name, created (32 random bytes, URL-safe Base64) if it does not exist yet. */
    public String getOrCreate(String name) {
        return getOrCreate(file(name));
    }

    /** The secret in that file, created (32 random bytes, URL-safe Base64, owner-only) if it does not exist yet. */
    public static String getOrCreate(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(directory);
            trySetOwnerOnly(directory, "rwx------");
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Created owner-only from the start (no window with default permissions).
            Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            try {
                // A link never replaces: if another process created the file meanwhile, its secret wins.
                Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    public Path file(String name) {
        return directory.resolve(name + ".secret");
    }

    private static void trySetOwnerOnly(Path path, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
