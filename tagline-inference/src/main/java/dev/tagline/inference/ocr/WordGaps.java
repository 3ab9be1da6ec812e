package dev.tagline.inference.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back the spaces between Latin words that the Chinese PP-OCRv4 recogniser often drops ("Howareyou": a known
 * defect of that model, PaddlePaddle/PaddleX#3519, PaddlePaddle/PaddleOCR#11386; the upstream advice is an English
 * model, which no offline package ships). A run of ink-free columns in the crop wider than {@link #GAP_OF_HEIGHT} of
 * the ink height and {@link #OF_MEDIAN_GAP} times the median gap is a word gap; a space goes between two letters or
 * digits whose CTC time steps straddle such a gap.
 */
final class WordGaps {
    /** Word spaces in common fonts are ≥ 0.3 em, gaps between letters of a word ≤ 0.2 em; ink height ≈ 0.7–1 em. */
    static final double GAP_OF_HEIGHT = 0.25;
    /** Letter gaps outnumber word gaps, so the median gap is a letter gap; a word gap is several times wider. */
    static final double OF_MEDIAN_GAP = 2.5;
    /** A column counts as ink when a pixel differs from the crop's background grey by more than this (0–255). */
    static final int INK_CONTRAST = 48;

    private WordGaps() {
    }

    /** Interior gaps as {@code [firstColumn, endColumn)} pairs, in crop columns. */
    static List<int[]> gaps(int[] crop, int w, int h) {
        int[] grey = new int[crop.length];
        int[] histogram = new int[256];
        for (int i = 0; i < crop.length; i++) {
            int p = crop[i];
            grey[i] = (((p >> 16) & 0xff) * 299 + ((p >> 8) & 0xff) * 587 + (p & 0xff) * 114) / 1000;
            histogram[grey[i]]++;
        }
        int background = mode(histogram);
        boolean[] ink = new boolean[w];
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs(grey[y * w + x] - background) > INK_CONTRAST) {
                    ink[x] = true;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        if (bottom < top) {
            return out;
        }
        List<int[]> all = new ArrayList<>();
        int x = 0;
        while (x < w && !ink[x]) {
            x++;
        }
        while (x < w) {
            while (x < w && ink[x]) {
                x++;
            }
            int start = x;
            while (x < w && !ink[x]) {
                x++;
            }
            if (x < w) {
                all.add(new int[] {start, x});
            }
        }
        double minGap = Math.max(GAP_OF_HEIGHT * (bottom - top + 1), OF_MEDIAN_GAP * medianWidth(all));
        for (int[] gap : all) {
            if (gap[1] - gap[0] >= minGap) {
                out.add(gap);
            }
        }
        return out;
    }

    /** {@code decoded.text()} with a space added at each gap between two letters or digits lacking one. */
    static String restore(CtcDecoder.Decoded decoded, List<int[]> gaps, double columnsPerStep) {
        String text = decoded.text();
        if (gaps.isEmpty() || text.length() < 2) {
            return text;
        }
        StringBuilder out = new StringBuilder().append(text.charAt(0));
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char after = text.charAt(i);
            if (isLatin(before) && isLatin(after)) {
                double left = (decoded.steps()[i - 1] + 0.5) * columnsPerStep;
                double right = (decoded.steps()[i] + 0.5) * columnsPerStep;
                for (int[] gap : gaps) {
                    double middle = (gap[0] + gap[1]) / 2.0;
                    if (middle > left && middle < right) {
                        out.append(' ');
                        break;
                    }
                }
            }
            out.append(after);
        }
        return out.toString();
    }

    private static double medianWidth(List<int[]> gaps) {
        if (gaps.isEmpty()) {
            return 0;
        }
        int[] widths = gaps.stream().mapToInt(g -> g[1] - g[0]).sorted().toArray();
        return widths[widths.length / 2];
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }

    private static int mode(int[] histogram) {
        int best = 0;
        for (int i = 1; i < histogram.length; i++) {
            if (histogram[i] > histogram[best]) {
                best = i;
            }
        }
        return best;
    }
}
