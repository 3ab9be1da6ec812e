package dev.tagline.inference.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceDecoderTest {
    static final float LOW = -10f;

    static float[][] emptyHeads() {
        float[] scoresA = new float[512];
        float[] scoresB = new float[384];
        Arrays.fill(scoresA, LOW);
        Arrays.fill(scoresB, LOW);
        return new float[][] {scoresA, new float[512 * 16], scoresB, new float[384 * 16]};
    }

    @Test
    void anchorOfHeadAIsRowMajorOverCellsWithTwoAnchorsPerCell() {
        float[][] h = emptyHeads();
        int cellX = 3;
        int cellY = 5;
        int anchor = (cellY * 16 + cellX) * 2 + 1;
        h[0][anchor] = 4f;
        float[] r = {12.8f, -6.4f, 32f, 25.6f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        System.arraycopy(r, 0, h[1], anchor * 16, 16);
        List<Candidate> out = BlazeFaceDecoder.decode(h[0], h[1], h[2], h[3], 128, 0.5);
        assertEquals(1, out.size());
        Candidate c = out.get(0);
        assertEquals(3.5 / 16 + 0.1, c.cx(), 1e-6);
        assertEquals(5.5 / 16 - 0.05, c.cy(), 1e-6);
        assertEquals(0.25, c.w(), 1e-6);
        assertEquals(0.2, c.h(), 1e-6);
        assertEquals(3.5 / 16 + 1 / 128.0, c.keypoints()[0], 1e-6);
        assertEquals(5.5 / 16 + 2 / 128.0, c.keypoints()[1], 1e-6);
        assertEquals(5.5 / 16 + 12 / 128.0, c.keypoints()[11], 1e-6);
        assertEquals(1 / (1 + Math.exp(-4)), c.score(), 1e-6);
    }

    @Test
    void anchorOfHeadBUsesTheEightByEightGridWithSixAnchorsPerCell() {
        float[][] h = emptyHeads();
        int anchor = (7 * 8 + 2) * 6 + 5;
        h[2][anchor] = 3f;
        List<Candidate> out = BlazeFaceDecoder.decode(h[0], h[1], h[2], h[3], 256, 0.5);
        assertEquals(1, out.size());
        assertEquals(2.5 / 8, out.get(0).cx(), 1e-6);
        assertEquals(7.5 / 8, out.get(0).cy(), 1e-6);
    }

    @Test
    void scoresBelowTheThresholdAreDroppedAndLogitsAreClipped() {
        float[][] h = emptyHeads();
        h[0][0] = 0.1f; // sigmoid 0.525
        h[0][1] = -0.2f; // 0.45
        h[0][2] = 1e6f; // clipped to 100, still finite
        List<Candidate> out = BlazeFaceDecoder.decode(h[0], h[1], h[2], h[3], 128, 0.5);
        assertEquals(2, out.size());
        assertEquals(1.0, out.get(1).score(), 1e-6);
        assertEquals(1.0, BlazeFaceDecoder.sigmoid(Float.POSITIVE_INFINITY), 1e-6);
    }

    @Test
    void wrongHeadSizesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> BlazeFaceDecoder.decode(new float[10], new float[160], new float[384], new float[384 * 16], 128,
                        0.5));
    }
}
