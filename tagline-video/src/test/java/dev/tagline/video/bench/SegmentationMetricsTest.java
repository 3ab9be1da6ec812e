package dev.tagline.video.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pk and WindowDiff on documents small enough to count the probes by hand (comments list the erring probes). */
class SegmentationMetricsTest {
    // 10 sentences, segments [0-3] [4-6] [7-9]: boundaries after sentences 3 and 6; mean segment 10/3 → k = 2
    static final int N = 10;
    static final Set<Integer> REF = Set.of(3, 6);

    @Test
    void kIsHalfTheMeanReferenceSegmentRounded() {
        assertEquals(2, SegmentationMetrics.halfMeanSegment(N, REF)); // 10 / 6 = 1.67
        assertEquals(5, SegmentationMetrics.halfMeanSegment(100, Set.of(9, 19, 29, 39, 49, 59, 69, 79, 89)));
        assertEquals(5, SegmentationMetrics.halfMeanSegment(10, Set.of())); // one segment
        assertEquals(1, SegmentationMetrics.halfMeanSegment(3, Set.of(0, 1)));
    }

    @Test
    void perfectHypothesisScoresZero() {
        assertEquals(0, SegmentationMetrics.pk(N, REF, REF, 2));
        assertEquals(0, SegmentationMetrics.windowDiff(N, REF, REF, 2));
    }

    @Test
    void noBoundariesMissesEveryProbeThatStraddlesOne() {
        // probes (i, i+2), i = 0..7, span gaps {i, i+1}; straddling 3 or 6: i = 2, 3, 5, 6 → 4 of 8
        assertEquals(4 / 8.0, SegmentationMetrics.pk(N, REF, Set.of(), 2));
        assertEquals(4 / 8.0, SegmentationMetrics.windowDiff(N, REF, Set.of(), 2));
    }

    @Test
    void boundaryEverywhereErrsWhereTheReferenceHasNone() {
        Set<Integer> all = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
        // Pk: the hypothesis splits every probe; the reference splits 4 of 8 → 4 errors
        assertEquals(4 / 8.0, SegmentationMetrics.pk(N, REF, all, 2));
        // WindowDiff: the hypothesis counts 2 everywhere, the reference never more than 1 → all 8 differ
        assertEquals(8 / 8.0, SegmentationMetrics.windowDiff(N, REF, all, 2));
    }

    @Test
    void nearMissCostsLessThanAMiss() {
        // boundary after 4 instead of 3: probes i = 2 {2,3}: ref 1, hyp 0 → err; i = 3 {3,4}: 1 vs 1 ok;
        // i = 4 {4,5}: ref 0, hyp 1 → err; the boundary at 6 agrees → Pk 2/8, WindowDiff 2/8
        Set<Integer> shifted = Set.of(4, 6);
        assertEquals(2 / 8.0, SegmentationMetrics.pk(N, REF, shifted, 2));
        assertEquals(2 / 8.0, SegmentationMetrics.windowDiff(N, REF, shifted, 2));
        // dropping the boundary at 3 altogether costs probes i = 2, 3
        assertEquals(2 / 8.0, SegmentationMetrics.pk(N, REF, Set.of(6), 2));
    }

    @Test
    void windowDiffCountsExtraBoundariesInsideAWindowThatPkForgives() {
        // hypothesis: boundaries after 2 and 3 (an extra one next to the true one), and 6
        // Pk: i = 1 {1,2}: ref 0, hyp 1 → err; i = 2 {2,3}: both split → ok; → 1/8
        // WindowDiff: i = 1: 0 vs 1 err; i = 2: 1 vs 2 err; i = 3 {3,4}: 1 vs 1 ok → 2/8
        Set<Integer> extra = Set.of(2, 3, 6);
        assertEquals(1 / 8.0, SegmentationMetrics.pk(N, REF, extra, 2));
        assertEquals(2 / 8.0, SegmentationMetrics.windowDiff(N, REF, extra, 2));
    }

    @Test
    void kMustLeaveAProbe() {
        assertThrows(IllegalArgumentException.class, () -> SegmentationMetrics.pk(N, REF, REF, N));
        assertThrows(IllegalArgumentException.class, () -> SegmentationMetrics.windowDiff(N, REF, REF, 0));
    }
}
