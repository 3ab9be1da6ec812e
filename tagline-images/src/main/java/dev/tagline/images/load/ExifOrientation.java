package dev.tagline.images.load;

import java.nio.charset.StandardCharsets;

/**
 * Finds the EXIF orientation tag (0x0112, values 1–8) in the raw bytes of a JPEG (APP1), PNG ({@code eXIf}), WebP
 * ({@code EXIF} chunk) or TIFF (IFD0). ImageIO ignores it; a phone photo shot upright is stored sideways with 6 or 8,
 * and a tagger fed the raw pixels sees a sideways picture. Every read is bounds-checked: damaged EXIF means 1.
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    static int find(ImageFormat format, byte[] file) {
        int value = switch (format) {
            case JPEG -> fromJpeg(file);
            case PNG -> PngChunks.exif(file).map(b -> fromTiff(b, 0, b.length)).orElse(NORMAL);
            case WEBP -> fromWebp(file);
            case TIFF -> fromTiff(file, 0, file.length);
            default -> NORMAL;
        };
        return value >= 1 && value <= 8 ? value : NORMAL;
    }

    private static int fromJpeg(byte[] b) {
        JpegSegments.Segment app1 = JpegSegments.find(b, 0xE1, "Exif\0\0");
        return app1 == null ? NORMAL : fromTiff(b, app1.start() + 6, app1.end());
    }

    private static int fromWebp(byte[] b) {
        int i = 12;
        while (i + 8 <= b.length) {
            int size = (int) Math.min(Integer.MAX_VALUE, u32(b, i + 4, true));
            if (ascii(b, i, "EXIF")) {
                int start = i + 8;
                if (start + 6 <= b.length && ascii(b, start, "Exif")) {
                    start += 6;
                }
                return fromTiff(b, start, (int) Math.min(b.length, (long) i + 8 + size));
            }
            long next = (long) i + 8 + size + (size & 1);
            if (next > b.length || size < 0) {
                break;
            }
            i = (int) next;
        }
        return NORMAL;
    }

    /** Reads IFD0 of the TIFF structure in {@code b[start, end)}. */
    static int fromTiff(byte[] b, int start, int end) {
        if (end - start < 8) {
            return NORMAL;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return NORMAL;
        }
        long ifd = start + u32(b, start + 4, little);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int count = u16(b, (int) ifd, little);
        for (int n = 0; n < count; n++) {
            int entry = (int) ifd + 2 + 12 * n;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION) {
                return u16(b, entry + 8, little);
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int i, boolean little) {
        if (i + 2 > b.length) {
            return 0;
        }
        int x = b[i] & 0xff;
        int y = b[i + 1] & 0xff;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static long u32(byte[] b, int i, boolean little) {
        if (i + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long hi = u16(b, little ? i + 2 : i, little);
        long lo = u16(b, little ? i : i + 2, little);
        return hi << 16 | lo;
    }

    private static boolean ascii(byte[] b, int i, String s) {
        return i + s.length() <= b.length && new String(b, i, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }
}
