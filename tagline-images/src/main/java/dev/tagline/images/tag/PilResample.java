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
 */
public final class PilResample {
    /** Resample.c: {@code PRECISION_BITS = 32 - 8 - 2}. */
    private static final int PRECISION_BITS = 22;

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
        Coefficients horiz = coefficients(canvasW, outW, filter);
        Coefficients vert = coefficients(canvasH, outH, filter);
        int first = vert.bounds[0];
        int last = vert.bounds[2 * outH - 2] + vert.bounds[2 * outH - 1];
        int rows = last - first;
        byte[] temp = new byte[outW * rows * 3];
        int[] row = new int[canvasW * 3];
        int fillRow = -1; // a row of the canvas outside the image, once computed: the others are copies of it
        for (int y = 0; y < rows; y++) {
            boolean blank = canvas.isFill(first + y);
            if (blank && fillRow >= 0) {
                System.arraycopy(temp, fillRow * outW * 3, temp, y * outW * 3, outW * 3);
                continue;
            }
            horizontal(canvas.row(first + y, row), horiz, outW, temp, y * outW * 3);
            fillRow = blank ? y : fillRow;
        }
        byte[] out = new byte[outW * outH * 3];
        vertical(temp, outW, vert, first, outH, out);
        return out;
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

    private static void horizontal(int[] src, Coefficients c, int outW, byte[] dst, int offset) {
        int[] w = c.weights;
        for (int xx = 0; xx < outW; xx++) {
            int xmin = c.bounds[2 * xx];
            int n = c.bounds[2 * xx + 1];
            int k = xx * c.ksize;
            int s0 = 1 << (PRECISION_BITS - 1);
            int s1 = s0;
            int s2 = s0;
            for (int x = 0, p = xmin * 3; x < n; x++, p += 3) {
                int wx = w[k + x];
                s0 += src[p] * wx;
                s1 += src[p + 1] * wx;
                s2 += src[p + 2] * wx;
            }
            int o = offset + xx * 3;
            dst[o] = clip8(s0);
            dst[o + 1] = clip8(s1);
            dst[o + 2] = clip8(s2);
        }
    }

    /** Row by row, accumulating whole rows (contiguous, so the JIT vectorises it); integer sums are exact. */
    private static void vertical(byte[] src, int width, Coefficients c, int firstRow, int outH, byte[] dst) {
        int[] w = c.weights;
        int stride = width * 3;
        int[] acc = new int[stride];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = c.bounds[2 * yy] - firstRow;
            int n = c.bounds[2 * yy + 1];
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int y = 0; y < n; y++) {
                int wy = w[yy * c.ksize + y];
                int base = (ymin + y) * stride;
                for (int i = 0; i < stride; i++) {
                    acc[i] += (src[base + i] & 0xff) * wy;
                }
            }
            for (int i = 0, o = yy * stride; i < stride; i++) {
                dst[o + i] = clip8(acc[i]);
            }
        }
    }

    /** Resample.c {@code clip8}. */
    private static byte clip8(int in) {
        if (in >= 1 << PRECISION_BITS << 8) {
            return (byte) 255;
        }
        return in <= 0 ? 0 : (byte) (in >> PRECISION_BITS);
    }

    /** An image on a one-colour canvas, read a row at a time. */
    private record Canvas(RgbImage image, int width, int height, int left, int top, int fill) {
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
