package dev.tagline.images.load;

import java.nio.charset.StandardCharsets;

/**
 * Walks a WebP's RIFF container (RIFF spec; WebP container spec): the RIFF size must fit the file and every chunk
 * must end inside it. A download cut short fails here with a clear message before the decoder fails with a vague one.
 */
final class WebpChunks {
    private WebpChunks() {
    }

    /** Returns the problem, or null for a sound container. */
    static String inspect(byte[] b) {
        long riff = u32(b, 4) + 8;
        if (riff > b.length) {
            return "truncated: the RIFF header declares " + riff + " bytes, the file has " + b.length;
        }
        int i = 12;
        while (i + 8 <= riff) {
            long size = u32(b, i + 4);
            long next = i + 8 + size + (size & 1);
            if (i + 8 + size > riff) {
                String type = new String(b, i, 4, StandardCharsets.ISO_8859_1);
                return "truncated: chunk " + PngAncillaryRules.printable(type) + " at byte " + i + " runs past the end";
            }
            i = (int) Math.min(next, Integer.MAX_VALUE);
        }
        return i == 12 ? "no chunks after the WebP header" : null;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }
}
