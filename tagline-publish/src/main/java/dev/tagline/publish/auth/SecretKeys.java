package dev.tagline.publish.auth;

import dev.tagline.core.TaglineException;
import dev.tagline.core.config.TaglineHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals credentials: {@code TAGLINE_SECRET_KEY} (base64 of 32 bytes) when set, else
 * {@code $TAGLINE_HOME/secret.key}, created on first use with permissions 0600. A key file that others can read is
 * refused rather than trusted.
 */
public final class SecretKeys {
    public static final String ENV = "TAGLINE_SECRET_KEY";
    public static final String FILE = "secret.key";

    private SecretKeys() {
    }

    public static SecretKey load(Map<String, String> env, TaglineHome home) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return decode(fromEnv.strip(), ENV);
        }
        Path file = home.dir().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new TaglineException("Key file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + ")", "Run 'chmod 600 " + file + "'.");
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new TaglineException("Cannot read or create the key file " + file + ": " + e.getMessage(),
                    "Check permissions on " + home.dir() + ", or set " + ENV + ".", e);
        }
    }

    /** A new random key, base64, for {@code TAGLINE_SECRET_KEY}. */
    public static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, generate() + "\n", StandardCharsets.US_ASCII);
    }

    private static SecretKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TaglineException("The secret key in " + source + " is not base64", "Make one with"
                    + " 'head -c 32 /dev/urandom | base64'.", e);
        }
        if (key.length != 32) {
            throw new TaglineException("The secret key in " + source + " has " + key.length + " bytes, not 32",
                    "Make one with 'head -c 32 /dev/urandom | base64'.");
        }
        return new SecretKeySpec(key, "AES");
    }
}
