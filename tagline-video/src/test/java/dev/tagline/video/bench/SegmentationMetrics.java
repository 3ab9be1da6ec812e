package dev.tagline.video.bench;

import java.util.Set;

/**
 * Topic-segmentation error metrics over a document of {@code n} sentences. A segmentation is the set of gaps after
 * which a new segment starts: gap i lies between sentence i and sentence i + 1 (0-based, 0 ≤ i ≤ n − 2).
 *
 * <p>Both metrics slide a window of {@code k} sentences over the document: the probe pairs sentence i with sentence
 * i + k, for i = 0 … n − k − 1 (n − k probes). Pure.
 */
final class SegmentationMetrics {
    private SegmentationMetrics() {
    }

    /**
     * k for both metrics: half the mean reference segment length in sentences, rounded, at least 1 (Beeferman, Berger
     * and Lafferty 1999, "Statistical models for text segmentation", Machine Learning 34, §5).
     */
    static int halfMeanSegment(int n, Set<Integer> reference) {
        int segments = reference.size() + 1;
        return Math.max(1, (int) Math.round(n / (2.0 * segments)));
    }

    /**
     * P_k (Beeferman et al. 1999): the share of probes (i, i + k) where reference and hypothesis disagree on whether
     * the two sentences lie in the same segment.
     */
    static double pk(int n, Set<Integer> reference, Set<Integer> hypothesis, int k) {
        requireProbes(n, k);
        int errors = 0;
        for (int i = 0; i + k < n; i++) {
            boolean apartRef = count(reference, i, k) > 0;
            boolean apartHyp = count(hypothesis, i, k) > 0;
            if (apartRef != apartHyp) {
                errors++;
            }
        }
        return (double) errors / (n - k);
    }

    /**
     * WindowDiff (Pevzner and Hearst 2002, "A critique and improvement of an evaluation metric for text
     * segmentation", Computational Linguistics 28(1), eq. 2): the share of probes (i, i + k) where reference and
     * hypothesis put a different number of boundaries between the two sentences.
     */
    static double windowDiff(int n, Set<Integer> reference, Set<Integer> hypothesis, int k) {
        requireProbes(n, k);
        int errors = 0;
        for (int i = 0; i + k < n; i++) {
            if (count(reference, i, k) != count(hypothesis, i, k)) {
                errors++;
            }
        }
        return (double) errors / (n - k);
    }

    /** Boundaries in gaps i … i + k − 1, the ones between sentence i and sentence i + k. */
    private static int count(Set<Integer> gaps, int i, int k) {
        int c = 0;
        for (int g = i; g < i + k; g++) {
            if (gaps.contains(g)) {
                c++;
            }
        }
        return c;
    }

    private static void requireProbes(int n, int k) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("need 1 <= k < n sentences, got k=" + k + ", n=" + n);
        }
    }
}
