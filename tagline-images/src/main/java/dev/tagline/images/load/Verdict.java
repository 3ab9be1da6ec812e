package dev.tagline.images.load;

import java.util.Locale;

/** What {@code tagline check} concludes about one file. */
public enum Verdict {
    /** Decodes cleanly as plain 8-bit sRGB; used as is. */
    OK,
    /** Decodes, but needed work to become plain sRGB (CMYK, 16-bit, palette, alpha, ICC, EXIF rotation, animation). */
    CONVERTED,
    /** Cannot be decoded fully: empty, truncated, damaged, or not the image its name says. */
    CORRUPT,
    /** Not a format Tagline reads (by extension, or content such as HEIC in a .jpg). */
    UNSUPPORTED,
    /**
     * A OneTrainer mask beside its image ({@code a-masklabel.png} beside {@code a.jpg}): part of that image, passed
     * over, never checked, quarantined or deleted as an image of its own.
     */
    MASK,
    /** Declares more pixels than {@code --max-pixels}; refused before decoding (decompression bomb guard). */
    TOO_LARGE,
    /** Shorter side under {@code --min-side}. */
    TOO_SMALL,
    /** Same bytes (SHA-256) as a file earlier in the scan. */
    DUPLICATE,
    /** Could not be read at all (permission, I/O error); not the image's fault. */
    ERROR;

    /** The name used in reports and on the command line: {@code too-large}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Verdict fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A file that can be trained on: decodes (possibly with conversions). */
    public boolean usable() {
        return this == OK || this == CONVERTED;
    }

    /**
     * An image a trainer (kohya's sd-scripts, OneTrainer) loads and trains on when it is left in its folder: one that
     * decodes, including a copy of another and one under {@code --min-side} (trained as it is, once per copy); not a
     * corrupt, unreadable, too large or unsupported file, nor a mask.
     */
    public boolean trainable() {
        return usable() || this == DUPLICATE || this == TOO_SMALL;
    }
}
