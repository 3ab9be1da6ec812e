package dev.tagline.images.load;

import dev.tagline.core.TaglineException;
import java.util.Locale;

/**
 * How images are loaded and judged.
 *
 * @param maxPixels  refuse images declaring more pixels than this, before decoding
 * @param minSide    flag images whose shorter side is below this (0 = never)
 * @param background colour ({@code 0xRRGGBB}) that transparency is composited on
 */
public record LoadOptions(long maxPixels, int minSide, int background) implements java.io.Serializable {
    /**
     * Pillow's decompression-bomb error threshold: 2 × {@code MAX_IMAGE_PIXELS} = 2 × (1024 × 1024 × 1024 / 4 / 3)
     * (Pillow {@code Image.py}).
     */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;
    /** kohya sd-scripts' smallest aspect bucket ({@code --min_bucket_reso} default 256): smaller images are upscaled. */
    public static final int DEFAULT_MIN_SIDE = 256;
    /** White, as most taggers composite (captioning.md §9, "Alpha → white"). */
    public static final int WHITE = 0xFFFFFF;

    public static final LoadOptions DEFAULTS = new LoadOptions(DEFAULT_MAX_PIXELS, DEFAULT_MIN_SIDE, WHITE);

    public LoadOptions {
        if (maxPixels < 1) {
            throw new TaglineException("--max-pixels must be positive, got " + maxPixels,
                    "The default is " + DEFAULT_MAX_PIXELS + ".");
        }
        if (minSide < 0) {
            throw new TaglineException("--min-side must not be negative, got " + minSide, "Use 0 to accept any size.");
        }
    }

    /** Parses {@code white}, {@code black}, {@code gray} or {@code #RRGGBB} / {@code RRGGBB}. */
    public static int parseColour(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "white":
                return WHITE;
            case "black":
                return 0;
            case "gray":
            case "grey":
                return 0x808080;
            default:
                break;
        }
        String hex = t.startsWith("#") ? t.substring(1) : t;
        if (hex.matches("[0-9a-f]{6}")) {
            return Integer.parseInt(hex, 16);
        }
        throw new TaglineException("Invalid colour '" + text + "'", "Write white, black, gray or #RRGGBB.");
    }

    public LoadOptions withMinSide(int side) {
        return new LoadOptions(maxPixels, side, background);
    }

    public LoadOptions withMaxPixels(long max) {
        return new LoadOptions(max, minSide, background);
    }
}
