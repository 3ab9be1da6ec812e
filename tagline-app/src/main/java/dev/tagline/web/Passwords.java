package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The admin password, kept only as a PBKDF2-HMAC-SHA256 hash ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, base64) in
 * a 0600 file. Thread-safe: the stored line is replaced atomically and read under the instance lock.
 */
final class Passwords {
    static final int MIN_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final int iterations;
    private String stored;

    Passwords(Path file, int iterations) {
        this.file = file;
        this.iterations = iterations;
        this.stored = read(file);
    }

    synchronized boolean isSet() {
        return stored != null;
    }

    /** Hashes and stores {@code password}, replacing any previous one. */
    synchronized void set(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new TaglineException("The admin password is too short", "Use at least " + MIN_LENGTH + " characters.");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        String line = "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writePrivate(file, line + "\n");
        } catch (IOException e) {
            throw new TaglineException("Cannot store the admin password hash in " + file + ": " + e.getMessage(),
                    "Check that the folder is writable, or set TAGLINE_HOME.", e);
        }
        stored = line;
    }

    /** Whether {@code password} matches, in time independent of where it differs. */
    synchronized boolean verify(String password) {
        if (stored == null || password == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from the JDK", e);
        }
    }

    private static String read(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!line.matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+")) {
                throw new TaglineException("The admin password file " + file + " is not a PBKDF2 hash",
                        "Delete it and set the password again (first start, or TAGLINE_ADMIN_PASSWORD).");
            }
            return line;
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(), "Check its permissions.", e);
        }
    }
}
