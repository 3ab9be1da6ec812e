package dev.tagline.inference.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** File hashes as lower-case hex: SHA-256, and the git blob SHA-1 the Hub sends as ETag for files kept in git. */
final class Checksums {
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");
    private static final int BUFFER = 1 << 20;

    private Checksums() {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest("SHA-256");
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code git hash-object FILE}: SHA-1 of {@code "blob <size>\0"} followed by the content. */
    static String gitBlobSha1(Path file) throws IOException {
        MessageDigest digest = digest("SHA-1");
        digest.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** An ETag header value without {@code W/} and quotes, lower-cased. */
    static String bareEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
