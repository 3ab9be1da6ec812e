package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordGapsTest {
    /** A 48-high crop, white, with black ink in the given column ranges (rows 10..37). */
    static int[] crop(int w, int[][] inkColumns) {
        int[] px = new int[w * 48];
        java.util.Arrays.fill(px, 0xffffff);
        for (int[] r : inkColumns) {
            for (int y = 10; y < 38; y++) {
                for (int x = r[0]; x < r[1]; x++) {
                    px[y * w + x] = 0;
                }
            }
        }
        return px;
    }

    @Test
    void wideGapsBetweenLettersBecomeSpacesNarrowOnesDoNot() {
        // letters 8 px wide, 2 px apart; one 12 px word gap at 50..62
        int[][] ink = {{0, 8}, {10, 18}, {20, 28}, {30, 38}, {40, 48}, {62, 70}, {72, 80}, {82, 90}};
        List<int[]> gaps = WordGaps.gaps(crop(100, ink), 100, 48);
        assertEquals(1, gaps.size());
        assertEquals(48, gaps.get(0)[0]);
        assertEquals(62, gaps.get(0)[1]);
        // chars emitted at steps whose centres are the letter centres (8 columns per step)
        CtcDecoder.Decoded d = new CtcDecoder.Decoded("hellowor", 0.9, new int[] {0, 1, 2, 3, 5, 8, 9, 10});
        assertEquals("hello wor", WordGaps.restore(d, gaps, 8));
    }

    @Test
    void existingSpacesAndNonLatinNeighboursAreLeftAlone() {
        List<int[]> gaps = List.of(new int[] {20, 30});
        assertEquals("ab cd", WordGaps.restore(new CtcDecoder.Decoded("ab cd", 1, new int[] {1, 2, 3, 4, 5}), gaps, 8));
        assertEquals("中文", WordGaps.restore(new CtcDecoder.Decoded("中文", 1, new int[] {1, 5}), gaps, 8));
    }

    @Test
    void blankCropsHaveNoGaps() {
        assertEquals(List.of(), WordGaps.gaps(crop(50, new int[0][]), 50, 48));
    }
}
