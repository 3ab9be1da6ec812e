package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MinAreaRect, RotatedBox ordering and unclip, QuadSampler rotations. */
class GeometryTest {
    @Test
    void minAreaRectOfAnAxisAlignedBlockIsThatBlockOrderedFromTopLeft() {
        double[] xy = {10, 20, 50, 20, 10, 30, 50, 30, 30, 25};
        RotatedBox box = MinAreaRect.of(xy);
        assertArrayEquals(new double[] {10, 20, 50, 20, 50, 30, 10, 30}, box.corners(), 1e-9);
        assertEquals(10, box.shortSide(), 1e-9);
    }

    @Test
    void minAreaRectFollowsARotatedRectangle() {
        double a = Math.toRadians(30);
        double[] xy = new double[8];
        double[][] local = {{-40, -10}, {40, -10}, {40, 10}, {-40, 10}};
        for (int i = 0; i < 4; i++) {
            xy[2 * i] = 100 + local[i][0] * Math.cos(a) - local[i][1] * Math.sin(a);
            xy[2 * i + 1] = 100 + local[i][0] * Math.sin(a) + local[i][1] * Math.cos(a);
        }
        RotatedBox box = MinAreaRect.of(xy);
        assertEquals(20, box.shortSide(), 1e-6);
        assertEquals(1600, box.area(), 1e-6);
    }

    @Test
    void unclipGrowsEverySideByAreaTimesRatioOverPerimeter() {
        RotatedBox box = MinAreaRect.of(new double[] {0, 0, 100, 0, 100, 20, 0, 20});
        double d = 100 * 20 * 1.5 / 240; // 12.5
        RotatedBox grown = box.unclip(1.5);
        assertArrayEquals(new double[] {-d, -d, 100 + d, -d, 100 + d, 20 + d, -d, 20 + d}, grown.corners(), 1e-9);
    }

    @Test
    void containsIsTrueInsideAndOnEdgesOnly() {
        RotatedBox box = MinAreaRect.of(new double[] {0, 0, 10, 0, 10, 5, 0, 5});
        assertTrue(box.contains(5, 2));
        assertTrue(box.contains(0, 0));
        assertFalse(box.contains(11, 2));
    }

    @Test
    void rotationsTurnTheCornerOrder() {
        double[] q = {0, 0, 1, 0, 1, 2, 0, 2};
        assertArrayEquals(new double[] {1, 0, 1, 2, 0, 2, 0, 0}, QuadSampler.rotate90(q));
        assertArrayEquals(new double[] {1, 2, 0, 2, 0, 0, 1, 0}, QuadSampler.rotate180(q));
    }

    @Test
    void samplingAnAxisAlignedQuadCopiesThePixels() {
        int w = 4;
        int[] src = new int[w * 2];
        for (int i = 0; i < src.length; i++) {
            src[i] = i * 0x010101;
        }
        int[] out = QuadSampler.sample(src, w, 2, new double[] {0, 0, 4, 0, 4, 2, 0, 2}, 4, 2);
        assertArrayEquals(src, out);
        int[] turned = QuadSampler.sample(src, w, 2, QuadSampler.rotate180(new double[] {0, 0, 4, 0, 4, 2, 0, 2}), 4, 2);
        assertEquals(src[7], turned[0]);
    }

    @Test
    void detectorSizeIsCappedAndRoundedToMultiplesOf32() {
        assertArrayEquals(new int[] {960, 736}, OcrTranslator.detSize(1024, 768, 960));
        assertArrayEquals(new int[] {640, 480}, OcrTranslator.detSize(640, 480, 960));
        assertArrayEquals(new int[] {32, 32}, OcrTranslator.detSize(10, 5, 960));
        assertEquals(320, OcrTranslator.scaledWidth(10, 48, 320));
        assertEquals(96, OcrTranslator.scaledWidth(2, 48, 320));
    }
}
