package dev.tagline.images.load;

import java.nio.charset.StandardCharsets;

/** Finds APPn segments in the raw bytes of a JPEG, up to the first scan. Every read is bounds-checked. */
final class JpegSegments {
    /** A segment's payload: {@code b[start, end)}. */
    record Segment(int start, int end) {
    }

    private JpegSegments() {
    }

    /** The first segment with {@code marker} (e.g. 0xE1) whose payload starts with {@code prefix}, or null. */
    static Segment find(byte[] b, int marker, String prefix) {
        Segment[] found = new Segment[1];
        walk(b, (m, start, end) -> {
            if (m == marker && startsWith(b, start, end, prefix)) {
                found[0] = new Segment(start, end);
                return false;
            }
            return true;
        });
        return found[0];
    }

    /**
     * True for a three-component JPEG that every decoder reads as YCbCr: a JFIF marker, or component ids 1 2 3, and no
     * Adobe marker (whose transform flag decoders weigh differently against the ids).
     */
    static boolean plainYcbcr(byte[] b) {
        boolean[] jfif = new boolean[1];
        boolean[] adobe = new boolean[1];
        int[] ids = new int[1];
        walk(b, (m, start, end) -> {
            jfif[0] |= m == 0xE0 && startsWith(b, start, end, "JFIF\0");
            adobe[0] |= m == 0xEE && startsWith(b, start, end, "Adobe");
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && end - start >= 6 + 3 * 3
                    && (b[start + 5] & 0xff) == 3) {
                // SOFn: precision, height, width, Nf, then (id, sampling, table) per component
                ids[0] = (b[start + 6] & 0xff) << 16 | (b[start + 9] & 0xff) << 8 | (b[start + 12] & 0xff);
                return false;
            }
            return true;
        });
        return ids[0] != 0 && !adobe[0] && (jfif[0] || ids[0] == 0x010203);
    }

    /** Calls {@code visitor} for each segment before the first scan, until it returns false. */
    private static void walk(byte[] b, Visitor visitor) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xFF) {
            int m = b[i + 1] & 0xff;
            if (m == 0xDA || m == 0xD9) {
                return;
            }
            if (m == 0xFF || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                i += m == 0xFF ? 1 : 2;
                continue;
            }
            int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
            if (!visitor.segment(m, i + 4, Math.min(b.length, i + 2 + length))) {
                return;
            }
            i += 2 + length;
        }
    }

    private static boolean startsWith(byte[] b, int start, int end, String prefix) {
        return end - start >= prefix.length()
                && new String(b, start, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    /** One segment: its marker and payload {@code b[start, end)}; false stops the walk. */
    @FunctionalInterface
    private interface Visitor {
        boolean segment(int marker, int start, int end);
    }

    /**
     * True when the JPEG embeds an ICC profile (APP2 {@code ICC_PROFILE}) that is not an sRGB profile, judged by the
     * profile's description tag (ICC.1:2010 §9.2.41 {@code desc}, v2 text or v4 {@code mluc}): sRGB profiles call
     * themselves "sRGB IEC61966-2.1" or "sRGB built-in"; a phone's Display P3 or an Adobe RGB profile does not, and its
     * colours change when converted.
     */
    static boolean hasNonSrgbProfile(byte[] b) {
        Segment icc = find(b, 0xE2, "ICC_PROFILE\0");
        if (icc == null) {
            return false;
        }
        String desc = description(b, icc.start() + 14, icc.end());
        return !desc.startsWith("sRGB");
    }

    /** The profile description of the ICC profile in {@code b[p, end)}, or empty. */
    static String description(byte[] b, int p, int end) {
        int count = u32(b, p + 128, end);
        for (int n = 0; n < count && n < 100; n++) {
            int entry = p + 132 + 12 * n;
            if (u32(b, entry, end) == 0x64657363) { // 'desc'
                int at = p + u32(b, entry + 4, end);
                if (at + 12 > end || at < p) {
                    return "";
                }
                String type = new String(b, at, 4, StandardCharsets.ISO_8859_1);
                if (type.equals("desc")) {
                    int len = Math.min(u32(b, at + 8, end), end - at - 12);
                    return len <= 0 ? "" : new String(b, at + 12, len, StandardCharsets.ISO_8859_1).strip();
                }
                if (type.equals("mluc") && at + 28 <= end) {
                    int len = u32(b, at + 20, end);
                    int off = at + u32(b, at + 24, end);
                    return off < at || len <= 0 || off + len > end ? ""
                            : new String(b, off, len, StandardCharsets.UTF_16BE).strip();
                }
                return "";
            }
        }
        return "";
    }

    private static int u32(byte[] b, int i, int end) {
        if (i < 0 || i + 4 > end) {
            return 0;
        }
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }
}
