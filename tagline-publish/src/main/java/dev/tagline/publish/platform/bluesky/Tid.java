package dev.tagline.publish.platform.bluesky;

/**
 * AT Protocol timestamp identifiers (record keys): 64 bits, the top one zero, 53 bits of microseconds since the epoch,
 * 10 bits of clock id, written as 13 characters of base32-sortable ({@code 234567abcdefghijklmnopqrstuvwxyz}).
 */
final class Tid {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private Tid() {
    }

    static String of(long micros, int clockId) {
        long v = ((micros & ((1L << 53) - 1)) << 10) | (clockId & 1023);
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }
}
