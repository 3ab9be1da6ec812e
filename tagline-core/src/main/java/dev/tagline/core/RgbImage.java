package dev.tagline.core;

import java.util.Objects;

/**
 * A decoded image as taggers and captioners consume it: 8-bit sRGB, no alpha, packed row by row as {@code R G B}
 * bytes ({@code 3 * width * height} of them), orientation already applied. Immutable by convention: the pixel array is
 * owned by this value and must not be changed after construction.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    public RgbImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != 3L * width * height) {
            throw new IllegalArgumentException("expected " + 3L * width * height + " bytes for " + width + "x" + height
                    + " RGB, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The packed {@code R G B} bytes, row-major; shared, not copied. */
    public byte[] pixels() {
        return pixels;
    }

    /** The pixel at {@code (x, y)} as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        int i = 3 * (y * width + x);
        return (pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i + 2] & 0xff);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
