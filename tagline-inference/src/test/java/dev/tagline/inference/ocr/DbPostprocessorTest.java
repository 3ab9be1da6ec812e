package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostprocessorTest {
    static float[] map(int w, int h) {
        return new float[w * h];
    }

    static void fill(float[] m, int w, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m[y * w + x] = p;
            }
        }
    }

    @Test
    void aTextBlobBecomesOneUnclippedBoxInSourcePixels() {
        int w = 64;
        int h = 32;
        float[] m = map(w, h);
        fill(m, w, 10, 10, 51, 17, 0.9f); // pixels 10..50 × 10..16: contour rect 40 × 6
        List<DbPostprocessor.Detection> out = DbPostprocessor.boxes(m, w, h, 128, 64, 0.3, 0.6, 1.5);
        assertEquals(1, out.size());
        assertEquals(0.9, out.get(0).score(), 1e-6);
        double d = 40 * 6 * 1.5 / 92;
        double[] c = out.get(0).box().corners();
        assertEquals(Math.round((10 - d) * 2), c[0], 1e-9);
        assertEquals(Math.round((10 - d) * 2), c[1], 1e-9);
        assertEquals(Math.round((50 + d) * 2), c[4], 1e-9);
        assertEquals(Math.round((16 + d) * 2), c[5], 1e-9);
    }

    @Test
    void faintTinyAndSeparateBlobsAreJudgedOneByOne() {
        int w = 64;
        int h = 64;
        float[] m = map(w, h);
        fill(m, w, 5, 5, 40, 12, 0.45f); // above 0.3 but mean below box threshold 0.6
        fill(m, w, 50, 5, 52, 30, 0.95f); // 1 px short side: below min size 3
        fill(m, w, 5, 30, 40, 40, 0.8f);
        fill(m, w, 5, 50, 40, 60, 0.8f);
        List<DbPostprocessor.Detection> out = DbPostprocessor.boxes(m, w, h, w, h, 0.3, 0.6, 1.5);
        assertEquals(2, out.size());
    }

    @Test
    void boxesAreClippedToTheImage() {
        int w = 32;
        int h = 32;
        float[] m = map(w, h);
        fill(m, w, 0, 0, 20, 8, 0.9f);
        double[] c = DbPostprocessor.boxes(m, w, h, w, h, 0.3, 0.6, 1.5).get(0).box().corners();
        assertEquals(0, c[0]);
        assertEquals(0, c[1]);
    }

    @Test
    void readingOrderIsTopToBottomThenLeftToRightWithinTenPixels() {
        DbPostprocessor.Detection right = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {100, 12, 150, 12, 150, 30, 100, 30}), 1);
        DbPostprocessor.Detection left = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {10, 15, 60, 15, 60, 30, 10, 30}), 1);
        DbPostprocessor.Detection below = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {0, 60, 60, 60, 60, 80, 0, 80}), 1);
        assertEquals(List.of(left, right, below), ReadingOrder.sort(List.of(below, right, left)));
    }

    @Test
    void maxLinesKeepsTheLargestBoxesInReadingOrder() {
        DbPostprocessor.Detection small = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {0, 0, 10, 0, 10, 5, 0, 5}), 1);
        DbPostprocessor.Detection big = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {0, 20, 100, 20, 100, 40, 0, 40}), 1);
        DbPostprocessor.Detection medium = new DbPostprocessor.Detection(
                MinAreaRect.of(new double[] {0, 60, 50, 60, 50, 80, 0, 80}), 1);
        List<DbPostprocessor.Detection> all = List.of(small, big, medium);
        assertEquals(List.of(big, medium), PaddleTextReader.largest(all, 2));
        assertEquals(all, PaddleTextReader.largest(all, 0));
    }
}
