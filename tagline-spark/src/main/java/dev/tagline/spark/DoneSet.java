package dev.tagline.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The items an earlier run already wrote to the table under this job fingerprint, as sorted 64-bit digests of
 * {@code key + sha256}: a million finished images cost 8 MiB in the broadcast, not a million strings. A file is done
 * when the same path with the same bytes is in the table; a changed file (other bytes) is done again, and a copy of a
 * done file under another name is not skipped. Two items sharing a 64-bit digest among a million is a 1-in-10^7
 * event; the cost would be one item skipped.
 */
final class DoneSet implements Serializable {
    private static final long serialVersionUID = 1L;
    static final DoneSet EMPTY = new DoneSet(new long[0]);

    private final long[] sorted;

    DoneSet(long[] digests) {
        this.sorted = digests.clone();
        Arrays.sort(this.sorted);
    }

    static long digest(String key, String sha256) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((key + "\n" + sha256)
                    .getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    boolean contains(String key, String sha256) {
        return sorted.length > 0 && Arrays.binarySearch(sorted, digest(key, sha256)) >= 0;
    }

    int size() {
        return sorted.length;
    }
}
