package dev.tagline.images.tag;

import java.util.Arrays;

/**
 * The two passes of {@link PilResample}, each a sum of whole int arrays times one weight
 * ({@code acc[i] += w * src[i]}, the same index on both sides, which is what C2's auto-vectoriser needs in JDK 17),
 * then a branch-free clip to 8 bits. For the horizontal pass, blocks of {@link #BLOCK} image rows are transposed so
 * that each source column is one array holding the R G B of the block's rows side by side: an output column of the
 * block is then a weighted sum of whole source columns. Its values go back into row arrays, which the vertical pass
 * sums whole. Integer sums are exact and both passes round to 8 bits as Resample.c does, so the result is Pillow's
 * bit for bit.
 */
final class ResamplePasses {
    /** Image rows per transposed block: inner loops of 192 ints, and a 640-px wide block (480 KiB) stays in L2. */
    static final int BLOCK = 64;
    /** Image rows read side by side while transposing: each column is then written in runs of 96 ints. */
    private static final int TILE = 32;
    private static final int HALF = 1 << (PilResample.PRECISION_BITS - 1);

    /**
     * The horizontal pass over canvas rows {@code first} onwards: {@code rows[y - first]} holds row {@code y}'s
     * {@code 3 × outW} values 0–255; every padding row is the same array, {@code padRow} (null when none is read).
     */
    record Temp(int[][] rows, int first, int[] padRow) {
    }

    private ResamplePasses() {
    }

    /** Pillow's first pass: the canvas rows that {@code vert} reads, resampled by {@code horiz} to {@code outW}. */
    static Temp horizontal(PilResample.Canvas canvas, PilResample.Coefficients horiz,
                           PilResample.Coefficients vert, int outW) {
        int outH = vert.bounds().length / 2;
        int first = vert.bounds()[0];
        int last = vert.bounds()[2 * outH - 2] + vert.bounds()[2 * outH - 1];
        // A row of the fill colour: each value is one product (fill × Σ weights), the same integer as the sum
        int[] fillRow = new int[outW * 3];
        int fill = canvas.fill();
        for (int xx = 0; xx < outW; xx++) {
            int sum = 0;
            for (int t = 0; t < horiz.bounds()[2 * xx + 1]; t++) {
                sum += horiz.weights()[xx * horiz.ksize() + t];
            }
            fillRow[xx * 3] = PilResample.clip(HALF + (fill >> 16 & 0xff) * sum);
            fillRow[xx * 3 + 1] = PilResample.clip(HALF + (fill >> 8 & 0xff) * sum);
            fillRow[xx * 3 + 2] = PilResample.clip(HALF + (fill & 0xff) * sum);
        }
        int[][] rows = new int[last - first][];
        boolean padding = false;
        for (int y = first; y < last; y++) {
            padding |= canvas.isFill(y);
            rows[y - first] = canvas.isFill(y) ? fillRow : new int[outW * 3];
        }
        int imageFirst = Math.max(first, canvas.top());
        int imageLast = Math.min(last, canvas.top() + canvas.image().height());
        Block block = imageFirst < imageLast ? new Block(canvas, horiz, outW, fillRow) : null;
        for (int y0 = imageFirst; y0 < imageLast; y0 += BLOCK) {
            block.resample(y0, Math.min(BLOCK, imageLast - y0), rows, y0 - first);
        }
        return new Temp(rows, first, padding ? fillRow : null);
    }

    /** Pillow's second pass, handing each output row to {@code out}. */
    static void vertical(Temp temp, PilResample.Coefficients vert, int outH, boolean[] padOnly,
                         PilResample.Rows out) {
        int[] w = vert.weights();
        int[] acc = new int[temp.rows()[0].length];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = vert.bounds()[2 * yy] - temp.first();
            int n = vert.bounds()[2 * yy + 1];
            if (padOnly[yy]) { // every tap is the padding row: one product per value
                int sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += w[yy * vert.ksize() + t];
                }
                int[] pad = temp.padRow();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] = HALF + pad[i] * sum;
                }
            } else {
                Arrays.fill(acc, HALF);
                for (int t = 0; t < n; t++) {
                    int wy = w[yy * vert.ksize() + t];
                    int[] row = temp.rows()[ymin + t];
                    for (int i = 0; i < acc.length; i++) {
                        acc[i] += wy * row[i];
                    }
                }
            }
            clip(acc, acc.length);
            out.accept(yy, acc);
        }
    }

    /** {@link PilResample#clip} over {@code sums[0, n)}, in place. */
    private static void clip(int[] sums, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] = PilResample.clip(sums[i]);
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
                Arrays.fill(acc, 0, len, HALF);
                int xmin = horiz.bounds()[2 * xx];
                int n = horiz.bounds()[2 * xx + 1];
                for (int t = 0; t < n; t++) {
                    int wx = w[xx * horiz.ksize() + t];
                    int[] col = cols[xmin + t];
                    for (int i = 0; i < len; i++) {
                        acc[i] += wx * col[i];
                    }
                }
                clip(acc, len);
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
