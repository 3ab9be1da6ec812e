package dev.tagline.inference.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeanPoolingTest {
    @Test
    void averagesOnlyUnmaskedTokensThenNormalises() {
        // batch 1, seq 3, dim 2: tokens (1,0), (3,4), padding (100,100)
        float[] hidden = {1, 0, 3, 4, 100, 100};
        float[][] out = MeanPooling.pool(hidden, new long[] {1, 1, 0}, 1, 3, 2);
        double norm = Math.hypot(2, 2);
        assertArrayEquals(new float[] {(float) (2 / norm), (float) (2 / norm)}, out[0], 1e-6f);
    }

    @Test
    void eachBatchRowIsPooledOnItsOwn() {
        float[] hidden = {1, 0, 0, 1, 0, 2, 0, 0};
        float[][] out = MeanPooling.pool(hidden, new long[] {1, 0, 1, 0}, 2, 2, 2);
        assertArrayEquals(new float[] {1, 0}, out[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, out[1], 1e-6f);
    }

    @Test
    void cosineOfParallelOrthogonalAndOppositeVectors() {
        assertEquals(1, TextEmbedder.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(0, TextEmbedder.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-9);
        assertEquals(-1, TextEmbedder.cosine(new float[] {1, 1}, new float[] {-1, -1}), 1e-9);
    }

    @Test
    void batchesAreRightPaddedToTheLongestRowWithAMask() {
        MiniLmTokens.Batch b = MiniLmTokens.pad(new long[][] {{101, 7, 102}, {101, 102}},
                new long[][] {{0, 0, 0}, {0, 0}});
        assertEquals(3, b.seq());
        assertArrayEquals(new long[] {101, 7, 102, 101, 102, 0}, b.ids());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 0}, b.mask());
    }
}
