package dev.tagline.images.tag;

import java.util.Arrays;

/**
 * The two passes of {@link PilResample}, each a sum of whole int arrays times their weights, three at a time
 * ({@code out[i] += w0 * a[i] + w1 * b[i] + w2 * c[i]}, the same index everywhere, which is what C2's auto-vectoriser
 * needs in JDK 17), with a branch-free clip to 8 bits in the last of them. For the horizontal pass, blocks of {@link #BLOCK} image rows are transposed so
 * that each source column is one array holding the R G B of the block's rows side by side: an output column of the
 * block is then a weighted sum of whole source columns. Its values go back into row arrays, which the vertical pass
 * sums whole as soon as a block has made the rows an output row needs; the row arrays are a ring, reused once no
 * output row still needs them. Integer sums are exact and both passes round to 8 bits as Resample.c does, so the
 * result is Pillow's bit for bit. One instance per resize. Longer than most classes (about 240 lines): the block
 * layout, the ring and the order in which the passes interleave only make sense together.
 */
final class ResamplePasses {
    /** Image rows per transposed block: inner loops of 192 ints, and a 640-px wide block (480 KiB) stays in L2. */
    static final int BLOCK = 64;
    /** Image rows read side by side while transposing: each column is then written in runs of 96 ints. */
    private static final int TILE = 32;
    private static final int HALF = 1 << (PilResample.PRECISION_BITS - 1);

    private final PilResample.Canvas canvas;
    private final PilResample.Coefficients horiz;
    private final PilResample.Coefficients vert;
    /** A canvas row of the fill colour after the horizontal pass: every padding row's values. */
    private final int[] fillRow;
    /** First and end canvas row of the image. */
    private final int imageFirst;
    private final int imageEnd;
    /** The horizontal pass's image rows: row {@code y} in {@code ring[(y - imageFirst) % ring.length]}. */
    private final int[][] ring;
    private final int[] acc;
    /** The rows of one output row's taps. */
    private final int[][] taps;
    /** The next output row of the vertical pass. */
    private int next;

    ResamplePasses(PilResample.Canvas canvas, PilResample.Coefficients horiz, PilResample.Coefficients vert,
                   int outW) {
        this.canvas = canvas;
        this.horiz = horiz;
        this.vert = vert;
        this.fillRow = fillRow(canvas.fill(), horiz, outW);
        int outH = vert.bounds().length / 2;
        int first = vert.bounds()[0];
        int last = vert.bounds()[2 * outH - 2] + vert.bounds()[2 * outH - 1];
        this.imageFirst = Math.max(first, canvas.top());
        this.imageEnd = Math.min(last, canvas.top() + canvas.image().height());
        // a block is written while the rows of the output row waiting for it are kept: at most ksize rows back;
        // a multiple of BLOCK, so that no block wraps round the ring
        int slots = BLOCK * (1 + (vert.ksize() + BLOCK - 1) / BLOCK);
        this.ring = new int[Math.max(0, Math.min(slots, imageEnd - imageFirst))][];
        this.acc = new int[outW * 3];
        this.taps = new int[vert.ksize()][];
    }

    /** Both passes, handing each output row to {@code out}, top to bottom. */
    void run(PilResample.Rows out) {
        vertical(imageFirst, out);
        Block block = imageFirst < imageEnd ? new Block(canvas, horiz, acc.length / 3, fillRow) : null;
        for (int y0 = imageFirst; y0 < imageEnd; y0 += BLOCK) {
            int count = Math.min(BLOCK, imageEnd - y0);
            int slot = (y0 - imageFirst) % ring.length;
            for (int b = slot; b < slot + count; b++) {
                ring[b] = ring[b] == null ? new int[acc.length] : ring[b];
            }
            block.resample(y0, count, ring, slot);
            vertical(y0 + count, out);
        }
        vertical(Integer.MAX_VALUE, out);
    }

    /** A row of the fill colour: each value is one product (fill × Σ weights), the same integer as the sum. */
    private static int[] fillRow(int fill, PilResample.Coefficients horiz, int outW) {
        int[] row = new int[outW * 3];
        for (int xx = 0; xx < outW; xx++) {
            int sum = 0;
            for (int t = 0; t < horiz.bounds()[2 * xx + 1]; t++) {
                sum += horiz.weights()[xx * horiz.ksize() + t];
            }
            row[xx * 3] = PilResample.clip(HALF + (fill >> 16 & 0xff) * sum);
            row[xx * 3 + 1] = PilResample.clip(HALF + (fill >> 8 & 0xff) * sum);
            row[xx * 3 + 2] = PilResample.clip(HALF + (fill & 0xff) * sum);
        }
        return row;
    }

    private int[] row(int y) {
        return canvas.isFill(y) ? fillRow : ring[(y - imageFirst) % ring.length];
    }

    /** Pillow's second pass for the output rows whose image rows lie before {@code done}. */
    private void vertical(int done, PilResample.Rows out) {
        int[] w = vert.weights();
        int outH = vert.bounds().length / 2;
        for (; next < outH; next++) {
            int ymin = vert.bounds()[2 * next];
            int n = vert.bounds()[2 * next + 1];
            if (Math.min(ymin + n, imageEnd) > done) {
                return;
            }
            if (ymin + n - 1 < canvas.top() || ymin >= canvas.top() + canvas.image().height()) {
                // every tap is a padding row: one product per value
                int sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += w[next * vert.ksize() + t];
                }
                for (int i = 0; i < acc.length; i++) {
                    acc[i] = PilResample.clip(HALF + fillRow[i] * sum);
                }
            } else {
                for (int t = 0; t < n; t++) {
                    taps[t] = row(ymin + t);
                }
                convolve(acc, acc.length, taps, 0, w, next * vert.ksize(), n);
            }
            out.accept(next, acc);
        }
    }

    /**
     * {@code out[0, len) = clip(HALF + Σ w[k + t] × src[from + t][0, len))} over the {@code n} taps, three taps per
     * pass over {@code out}: the first pass starts the sums, the last one clips them, and a missing tap of the last
     * pass is weight 0 on a repeated array. Each value is loaded and stored once per three taps; the integer sum is
     * the same in any order.
     */
    private static void convolve(int[] out, int len, int[][] src, int from, int[] w, int k, int n) {
        if (n == 0) {
            Arrays.fill(out, 0, len, PilResample.clip(HALF));
            return;
        }
        for (int t = 0; t < n; t += 3) {
            int[] a = src[from + t];
            int[] b = t + 1 < n ? src[from + t + 1] : a;
            int[] c = t + 2 < n ? src[from + t + 2] : a;
            int w0 = w[k + t];
            int w1 = t + 1 < n ? w[k + t + 1] : 0;
            int w2 = t + 2 < n ? w[k + t + 2] : 0;
            boolean first = t == 0;
            boolean last = t + 3 >= n;
            if (first && last) {
                for (int i = 0; i < len; i++) {
                    out[i] = PilResample.clip(HALF + w0 * a[i] + w1 * b[i] + w2 * c[i]);
                }
            } else if (first) {
                for (int i = 0; i < len; i++) {
                    out[i] = HALF + w0 * a[i] + w1 * b[i] + w2 * c[i];
                }
            } else if (last) {
                for (int i = 0; i < len; i++) {
                    out[i] = PilResample.clip(out[i] + w0 * a[i] + w1 * b[i] + w2 * c[i]);
                }
            } else {
                for (int i = 0; i < len; i++) {
                    out[i] += w0 * a[i] + w1 * b[i] + w2 * c[i];
                }
            }
        }
    }

    /** One block of image rows, transposed: {@code cols[x]} holds R G B of source column {@code x}, row by row. */
    private static final class Block {
        private final PilResample.Canvas canvas;
        private final PilResample.Coefficients horiz;
        private final int[] fillRow;
        private final int[][] cols;
        private final int[] acc = new int[BLOCK * 3];
        /** Output columns whose every tap is side padding: their values are the fill row's. */
        private final boolean[] side;

        Block(PilResample.Canvas canvas, PilResample.Coefficients horiz, int outW, int[] fillRow) {
            this.canvas = canvas;
            this.horiz = horiz;
            this.fillRow = fillRow;
            int left = canvas.left();
            int right = left + canvas.image().width();
            int[] fillColumn = new int[BLOCK * 3]; // the side padding's columns: one array for all of them
            for (int i = 0; i < fillColumn.length; i += 3) {
                fillColumn[i] = canvas.fill() >> 16 & 0xff;
                fillColumn[i + 1] = canvas.fill() >> 8 & 0xff;
                fillColumn[i + 2] = canvas.fill() & 0xff;
            }
            this.cols = new int[canvas.width()][];
            for (int x = 0; x < cols.length; x++) {
                cols[x] = x < left || x >= right ? fillColumn : new int[BLOCK * 3];
            }
            this.side = new boolean[outW];
            for (int xx = 0; xx < outW; xx++) {
                int x0 = horiz.bounds()[2 * xx];
                side[xx] = x0 + horiz.bounds()[2 * xx + 1] - 1 < left || x0 >= right;
            }
        }

        /** Image rows {@code y0} to {@code y0 + count} into {@code rows[at]} onwards. */
        void resample(int y0, int count, int[][] rows, int at) {
            transpose(y0, count);
            int len = count * 3;
            int[] w = horiz.weights();
            for (int xx = 0; xx < side.length; xx++) {
                int o = xx * 3;
                if (side[xx]) {
                    for (int b = 0; b < count; b++) {
                        System.arraycopy(fillRow, o, rows[at + b], o, 3);
                    }
                    continue;
                }
                convolve(acc, len, cols, horiz.bounds()[2 * xx], w, xx * horiz.ksize(), horiz.bounds()[2 * xx + 1]);
                for (int b = 0, i = 0; b < count; b++, i += 3) {
                    int[] row = rows[at + b];
                    row[o] = acc[i];
                    row[o + 1] = acc[i + 1];
                    row[o + 2] = acc[i + 2];
                }
            }
        }

        /** Image rows into {@link #cols}, {@link #TILE} rows at a time: each column is written in runs. */
        private void transpose(int y0, int count) {
            byte[] px = canvas.image().pixels();
            int rowBytes = canvas.image().width() * 3;
            for (int b0 = 0; b0 < count; b0 += TILE) {
                int b1 = Math.min(count, b0 + TILE);
                int start = (y0 + b0 - canvas.top()) * rowBytes;
                int end = (y0 + b1 - canvas.top()) * rowBytes;
                for (int x = 0, c = canvas.left(); x < rowBytes; x += 3, c++) {
                    int[] col = cols[c];
                    for (int p = start + x, i = b0 * 3; p < end; p += rowBytes, i += 3) {
                        col[i] = px[p] & 0xff;
                        col[i + 1] = px[p + 1] & 0xff;
                        col[i + 2] = px[p + 2] & 0xff;
                    }
                }
            }
        }
    }
}
