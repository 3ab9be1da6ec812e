package dev.tagline.spark;

import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.load.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One file to process in a task: either a file on this machine's disk ({@code local}, read in place) or bytes that
 * Spark read from a remote file system or a WebDataset shard ({@code content}, copied to a scratch file, since the
 * jobs read files the way the CLI does).
 *
 * @param uri      where it came from (a Hadoop path URI, or {@code SHARD#MEMBER})
 * @param key      the CLI's relative key
 * @param shard    the WebDataset shard, or null
 * @param modified epoch milliseconds
 * @param sameStemAs the key of another image of its folder with the same stem, which would share its sidecars
 *                   ({@link ScanEntry#sameStemAs}, as the CLI's scan marks it); null for none
 * @param maskOf   for a OneTrainer mask beside its image, the image's key ({@link ScanEntry#maskOf}, as the CLI's scan
 *                 marks it): passed over by every job; null for every other file
 */
record WorkItem(String uri, String key, String shard, long size, long modified, String localFile, byte[] content,
                String sameStemAs, String maskOf) implements java.io.Serializable {
    WorkItem(String uri, String key, String shard, long size, long modified, String localFile, byte[] content) {
        this(uri, key, shard, size, modified, localFile, content, null, null);
    }

    /** The file on this machine, or null for bytes from elsewhere. */
    Path local() {
        return localFile == null ? null : Path.of(localFile);
    }

    /** The file name, with its extension: jobs decide support and decoders check content against it. */
    String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    boolean supported() {
        if (maskOf != null) {
            return false;
        }
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 && ImageFormat.EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Hex SHA-256 of the bytes; reading a local file for it also warms the page cache for the job's own read. */
    String sha256() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (content != null) {
                return HexFormat.of().formatHex(sha.digest(content));
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(local()), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return ""; // the job's own read fails the same way and reports it
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The entry the job sees: the file itself, or a scratch copy named like it under {@code scratch}. */
    ScanEntry entry(Path scratch) {
        Path path = local();
        if (path == null) {
            try {
                Path dir = Files.createTempDirectory(scratch, "item-");
                path = Files.write(dir.resolve(fileName()), content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a scratch copy of " + uri + " under " + scratch, e);
            }
        }
        return new ScanEntry(path, key, supported(), size, modified, supported() ? sameStemAs : null, maskOf);
    }
}
