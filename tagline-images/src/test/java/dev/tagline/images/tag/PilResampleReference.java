package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;

/**
 * {@link PilResample} as it was before its horizontal pass was transposed (commit a62bc63): one output pixel at a
 * time, gathering taps across interleaved RGB. Kept as the reference that the faster implementation must match byte
 * for byte on shapes the Pillow goldens do not cover, and as the "before" of {@code ResizeBench}.
 */
final class PilResampleReference {
    /** Resample.c: {@code PRECISION_BITS = 32 - 8 - 2}. */
    private static final int PRECISION_BITS = 22;

    /** Per output pixel: first source index, count, and {@code ksize} fixed-point weights. */
    record Coefficients(int[] bounds, int[] weights, int ksize) {
    }

    private PilResampleReference() {
    }

    /**
     * Resizes {@code image} placed at {@code (left, top)} on a {@code canvasW × canvasH} canvas filled with
     * {@code fill} (0xRRGGBB) to {@code outW × outH}; returns packed RGB bytes.
     */
    public static byte[] resize(RgbImage image, int canvasW, int canvasH, int left, int top, int fill, int outW,
                                int outH, PilResample.Filter filter) {
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
        int[] row2 = new int[canvasW * 3];
        // Output columns whose every tap lies in the side padding have the same value on every row: computed once
        byte[] sideValues = new byte[outW * 3];
        boolean[] side = fillOutputs(horiz, outW, x -> x < left || x >= left + image.width(), fill, sideValues);
        byte[] fillRow = null; // a row of the canvas outside the image, once computed: the others are copies of it
        for (int y = 0; y < rows; y++) {
            boolean blank = canvas.isFill(first + y);
            if (blank && fillRow != null) {
                System.arraycopy(fillRow, 0, temp, y * outW * 3, outW * 3);
                continue;
            }
            if (!blank && y + 1 < rows && !canvas.isFill(first + y + 1)) { // two image rows share each weight load
                horizontal2(canvas.row(first + y, row), canvas.row(first + y + 1, row2), horiz, outW, temp,
                        y * outW * 3, side, sideValues);
                y++;
                continue;
            }
            horizontal(canvas.row(first + y, row), horiz, outW, temp, y * outW * 3, blank ? null : side, sideValues);
            if (blank) {
                fillRow = java.util.Arrays.copyOfRange(temp, y * outW * 3, (y + 1) * outW * 3);
            }
        }
        byte[] out = new byte[outW * outH * 3];
        // Output rows whose every tap is a padding row: each value is one product (the padding row's value times the
        // sum of the weights), the same integer as the sum of the products
        boolean[] padOnly = new boolean[outH];
        for (int yy = 0; yy < outH && fillRow != null; yy++) {
            int y0 = vert.bounds[2 * yy];
            int y1 = y0 + vert.bounds[2 * yy + 1] - 1;
            padOnly[yy] = y1 < top || y0 >= top + image.height();
        }
        vertical(temp, outW, vert, first, outH, out, padOnly, fillRow);
        return out;
    }

    /**
     * Which output columns take all their taps from {@code padding} columns (null when none), with the 3 bytes a
     * row of {@code fill} gives at each of them written to {@code values}: {@code fill × Σ weights}, the same integer
     * as the sum of the products.
     */
    private static boolean[] fillOutputs(Coefficients c, int outW, java.util.function.IntPredicate padding, int fill,
                                         byte[] values) {
        boolean[] only = null;
        int half = 1 << (PRECISION_BITS - 1);
        for (int xx = 0; xx < outW; xx++) {
            int xmin = c.bounds[2 * xx];
            int n = c.bounds[2 * xx + 1];
            boolean all = true;
            for (int x = xmin; x < xmin + n && all; x++) {
                all = padding.test(x);
            }
            if (all) {
                only = only == null ? new boolean[outW] : only;
                only[xx] = true;
                int sum = 0;
                for (int x = 0; x < n; x++) {
                    sum += c.weights[xx * c.ksize + x];
                }
                values[xx * 3] = clip8(half + (fill >> 16 & 0xff) * sum);
                values[xx * 3 + 1] = clip8(half + (fill >> 8 & 0xff) * sum);
                values[xx * 3 + 2] = clip8(half + (fill & 0xff) * sum);
            }
        }
        return only;
    }

    /** Resample.c {@code precompute_coeffs} for the whole source ({@code box = (0, inSize)}), then 8-bit fixed point. */
    static Coefficients coefficients(int inSize, int outSize, PilResample.Filter filter) {
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

    /** One row; the columns marked in {@code padOnly} (may be null) are copied from {@code padValues}. */
    private static void horizontal(int[] src, Coefficients c, int outW, byte[] dst, int offset, boolean[] padOnly,
                                   byte[] padValues) {
        int[] w = c.weights;
        for (int xx = 0; xx < outW; xx++) {
            if (padOnly != null && padOnly[xx]) {
                System.arraycopy(padValues, xx * 3, dst, offset + xx * 3, 3);
                continue;
            }
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

    /** {@link #horizontal} on two rows at once, into consecutive rows of {@code dst}. */
    private static void horizontal2(int[] a, int[] b, Coefficients c, int outW, byte[] dst, int offset,
                                    boolean[] padOnly, byte[] padValues) {
        int[] w = c.weights;
        int next = outW * 3;
        for (int xx = 0; xx < outW; xx++) {
            int o = offset + xx * 3;
            if (padOnly != null && padOnly[xx]) {
                System.arraycopy(padValues, xx * 3, dst, o, 3);
                System.arraycopy(padValues, xx * 3, dst, o + next, 3);
                continue;
            }
            int xmin = c.bounds[2 * xx];
            int n = c.bounds[2 * xx + 1];
            int k = xx * c.ksize;
            int a0 = 1 << (PRECISION_BITS - 1);
            int a1 = a0;
            int a2 = a0;
            int b0 = a0;
            int b1 = a0;
            int b2 = a0;
            for (int x = 0, p = xmin * 3; x < n; x++, p += 3) {
                int wx = w[k + x];
                a0 += a[p] * wx;
                a1 += a[p + 1] * wx;
                a2 += a[p + 2] * wx;
                b0 += b[p] * wx;
                b1 += b[p + 1] * wx;
                b2 += b[p + 2] * wx;
            }
            dst[o] = clip8(a0);
            dst[o + 1] = clip8(a1);
            dst[o + 2] = clip8(a2);
            dst[o + next] = clip8(b0);
            dst[o + next + 1] = clip8(b1);
            dst[o + next + 2] = clip8(b2);
        }
    }

    /** Row by row, accumulating whole rows (contiguous, so the JIT vectorises it); integer sums are exact. */
    private static void vertical(byte[] src, int width, Coefficients c, int firstRow, int outH, byte[] dst,
                                 boolean[] padOnly, byte[] padRow) {
        int[] w = c.weights;
        int stride = width * 3;
        int[] acc = new int[stride];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = c.bounds[2 * yy] - firstRow;
            int n = c.bounds[2 * yy + 1];
            if (padOnly[yy]) { // every tap is the padding row: one product per value
                int sum = 0;
                for (int y = 0; y < n; y++) {
                    sum += w[yy * c.ksize + y];
                }
                for (int i = 0, o = yy * stride; i < stride; i++) {
                    dst[o + i] = clip8((1 << (PRECISION_BITS - 1)) + (padRow[i] & 0xff) * sum);
                }
                continue;
            }
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
