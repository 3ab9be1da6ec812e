package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;

/**
 * Pillow's {@code Image.resize} for 8-bit RGB, bit for bit (Pillow {@code libImaging/Resample.c}): separable
 * convolution, horizontal pass then vertical, each rounded to 8 bits; on a downscale the filter widens by the scale
 * (antialiasing); weights in 22-bit fixed point. Java2D's bicubic is a different filter (no antialias, a = -1 style
 * kernel), which is why WD outputs drifted in other JVM ports (captioning.md §1.3).
 *
 * <p>The source may be a virtual canvas: the image placed at an offset on a larger square of one colour, so that WD's
 * pad-to-square never allocates the padded image.
 *
 * <p>The passes themselves ({@link ResamplePasses}) are laid out for C2's auto-vectoriser: whole arrays of ints
 * times one weight, the horizontal pass on blocks of rows transposed to columns.
 */
public final class PilResample {
    /** Resample.c: {@code PRECISION_BITS = 32 - 8 - 2}. */
    static final int PRECISION_BITS = 22;

    /** Resample.c filters and their support. */
    public enum Filter {
        /** {@code bilinear_filter}, support 1. */
        BILINEAR(1.0),
        /** {@code bicubic_filter} with {@code a = -0.5}, support 2. */
        BICUBIC(2.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            double ax = Math.abs(x);
            if (this == BILINEAR) {
                return ax < 1.0 ? 1.0 - ax : 0.0;
            }
            final double a = -0.5;
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
            }
            if (ax < 2.0) {
                return (((ax - 5) * ax + 8) * ax - 4) * a;
            }
            return 0.0;
        }
    }

    /** Per output pixel: first source index, count, and {@code ksize} fixed-point weights. */
    record Coefficients(int[] bounds, int[] weights, int ksize) {
    }

    private PilResample() {
    }

    /** Receives the output one row at a time, top to bottom. */
    @FunctionalInterface
    interface Rows {
        /** Row {@code y}: {@code 3 × width} values 0–255, R G B per pixel; the array is reused after the call. */
        void accept(int y, int[] rgb);
    }

    /**
     * Resizes {@code image} placed at {@code (left, top)} on a {@code canvasW × canvasH} canvas filled with
     * {@code fill} (0xRRGGBB) to {@code outW × outH}; returns packed RGB bytes.
     */
    public static byte[] resize(RgbImage image, int canvasW, int canvasH, int left, int top, int fill, int outW,
                                int outH, Filter filter) {
        Canvas canvas = new Canvas(image, canvasW, canvasH, left, top, fill);
        if (canvasW == outW && canvasH == outH) {
            return canvas.all();
        }
        byte[] out = new byte[outW * outH * 3];
        int stride = outW * 3;
        resize(image, canvasW, canvasH, left, top, fill, outW, outH, filter, (y, rgb) -> {
            for (int i = 0, o = y * stride; i < stride; i++) {
                out[o + i] = (byte) rgb[i];
            }
        });
        return out;
    }

    /** {@link #resize} handing each output row to {@code rows} instead of packing bytes. */
    static void resize(RgbImage image, int canvasW, int canvasH, int left, int top, int fill, int outW, int outH,
                       Filter filter, Rows rows) {
        Canvas canvas = new Canvas(image, canvasW, canvasH, left, top, fill);
        if (canvasW == outW && canvasH == outH) {
            int[] row = new int[canvasW * 3];
            for (int y = 0; y < canvasH; y++) {
                rows.accept(y, canvas.row(y, row));
            }
            return;
        }
        Coefficients horiz = coefficients(canvasW, outW, filter);
        Coefficients vert = coefficients(canvasH, outH, filter);
        new ResamplePasses(canvas, horiz, vert, outW).run(rows);
    }

    /** Resample.c {@code precompute_coeffs} for the whole source ({@code box = (0, inSize)}), then 8-bit fixed point. */
    static Coefficients coefficients(int inSize, int outSize, Filter filter) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        int[] weights = new int[outSize * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max(0, (int) (center - support + 0.5));
            int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                k[x] = filter.weight((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                // normalize_coeffs_8bpc: round half away from zero
                weights[xx * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                        : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            bounds[2 * xx] = xmin;
            bounds[2 * xx + 1] = xmax;
        }
        return new Coefficients(bounds, weights, ksize);
    }

    /**
     * Resample.c {@code clip8} as a value 0–255: a sum at or above {@code 256 << PRECISION_BITS} shifts to 256 or more
     * and a sum at or below 0 to 0 or -1, so clamping the shifted sum to 0–255 is the same. Branch-free, with the
     * int operations that C2 vectorises in JDK 17 (not {@code Math.min}/{@code max}): {@code s & ~(s >> 31)} is 0 for a
     * negative {@code s}, {@code (255 - s) >> 31} is all ones above 255.
     */
    static int clip(int sum) {
        int s = sum >> PRECISION_BITS;
        return (s & ~(s >> 31) | (255 - s) >> 31) & 0xff;
    }

    /** An image on a one-colour canvas, read a row at a time. */
    record Canvas(RgbImage image, int width, int height, int left, int top, int fill) {
        boolean isFill(int y) {
            return y < top || y >= top + image.height();
        }

        /** Row {@code y} as 0–255 ints, R G B per pixel. */
        int[] row(int y, int[] out) {
            int iy = y - top;
            boolean inside = iy >= 0 && iy < image.height();
            if (!inside || left > 0 || image.width() < width) {
                for (int i = 0; i < width * 3; i += 3) {
                    out[i] = fill >> 16 & 0xff;
                    out[i + 1] = fill >> 8 & 0xff;
                    out[i + 2] = fill & 0xff;
                }
            }
            if (inside) {
                byte[] px = image.pixels();
                for (int i = 0, p = iy * image.width() * 3, o = left * 3; i < image.width() * 3; i++) {
                    out[o + i] = px[p + i] & 0xff;
                }
            }
            return out;
        }

        byte[] all() {
            byte[] out = new byte[width * height * 3];
            int[] row = new int[width * 3];
            for (int y = 0; y < height; y++) {
                row(y, row);
                for (int i = 0; i < row.length; i++) {
                    out[y * width * 3 + i] = (byte) row[i];
                }
            }
            return out;
        }
    }
}
