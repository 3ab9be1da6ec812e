package dev.tagline.core.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * 64-bit digests of item keys and a compact set of them: a million finished items cost 16 MiB, not a million strings.
 * Two keys sharing a 64-bit SHA-256 prefix among a million is a 1-in-10^7 event; the cost would be one item skipped.
 */
final class KeyHash {
    private long[] table = new long[1 << 10];
    private int size;
    private boolean hasZero;

    static long of(String key) {
        byte[] d = sha256(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (d[i] & 0xff);
        }
        return h;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void add(long h) {
        if (h == 0) {
            hasZero = true;
            return;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        if (insert(table, h)) {
            size++;
        }
    }

    boolean contains(long h) {
        if (h == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = spread(h) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == h) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = spread(h) & mask;
        while (t[i] != 0) {
            if (t[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = h;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.stream(old).filter(v -> v != 0).forEach(v -> insert(table, v));
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32)) * 0x9E3779B9;
    }
}
