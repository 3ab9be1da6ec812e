package dev.tagline.images.tag;

import java.util.Arrays;

/**
 * Maximum Cut thresholding (Largeron et al. 2012), as SmilingWolf/wd-tagger app.py {@code mcut_threshold}: sort the
 * probabilities descending, find the largest drop between neighbours, and cut halfway down it.
 */
final class Mcut {
    private Mcut() {
    }

    /** The MCut threshold of {@code probs}; NaN with fewer than two values (no gap to cut). */
    static double threshold(double[] probs) {
        if (probs.length < 2) {
            return Double.NaN;
        }
        double[] sorted = probs.clone();
        Arrays.sort(sorted);
        int best = sorted.length - 1; // ascending: gap i is sorted[i] - sorted[i-1]; argmax takes the first (highest)
        double bestGap = -1;
        for (int i = sorted.length - 1; i > 0; i--) {
            double gap = sorted[i] - sorted[i - 1];
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return (sorted[best] + sorted[best - 1]) / 2;
    }
}
