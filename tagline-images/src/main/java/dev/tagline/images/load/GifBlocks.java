package dev.tagline.images.load;

/**
 * Strict walk over a GIF's block structure (GIF89a spec §17–§27): colour tables, extensions and image data
 * sub-blocks, up to the trailer. The JDK reader stops at the first frame and grey-fills nothing, so a GIF cut short
 * by a failed download, or with a garbage block, decodes "fine" there; here it is corrupt. The canvas each frame's
 * position and size require is held to the pixel limit (Pillow grows the canvas to a frame's extents).
 */
final class GifBlocks {
    private GifBlocks() {
    }

    /** Returns the problem, or null for a sound file; {@link Decoder.TooLargeException} for a bomb frame. */
    static String inspect(byte[] b, long maxPixels) throws Decoder.TooLargeException {
        if (b.length < 13) {
            return "truncated: no logical screen descriptor";
        }
        int i = 13 + colourTable(b[10]);
        int frame = 0;
        while (true) {
            if (i >= b.length) {
                return "truncated: ends before the GIF trailer (after " + frame + " frame(s))";
            }
            int block = b[i] & 0xff;
            if (block == 0x3B) {
                return frame == 0 ? "no image in the file" : null;
            } else if (block == 0x21) {
                i = subBlocks(b, i + 2);
            } else if (block == 0x2C) {
                if (i + 10 > b.length) {
                    return "truncated inside an image descriptor";
                }
                frame++;
                long w = Math.max(u16(b, 6), u16(b, i + 1) + (long) u16(b, i + 5));
                long h = Math.max(u16(b, 8), u16(b, i + 3) + (long) u16(b, i + 7));
                if (w * h > maxPixels) {
                    throw new Decoder.TooLargeException("frame " + frame + " extends the canvas to " + w + "x" + h
                            + ", more than --max-pixels " + maxPixels);
                }
                i = subBlocks(b, i + 10 + colourTable(b[i + 9]) + 1);
            } else {
                return String.format("invalid block 0x%02X at byte %d", block, i);
            }
            if (i < 0) {
                return "truncated: ends inside the data of frame " + Math.max(frame, 1);
            }
        }
    }

    private static int colourTable(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 7) + 1));
    }

    /** Skips data sub-blocks from {@code i}; returns the index after the terminator, or -1 at end of file. */
    private static int subBlocks(byte[] b, int i) {
        while (i < b.length) {
            int size = b[i] & 0xff;
            i += 1 + size;
            if (size == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }
}
