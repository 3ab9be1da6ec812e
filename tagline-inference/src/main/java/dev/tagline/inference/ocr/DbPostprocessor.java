package dev.tagline.inference.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * PaddleOCR DB post-processing ({@code ppocr/postprocess/db_postprocess.py}, {@code boxes_from_bitmap}, score mode
 * "fast", no dilation): binarise the probability map, take each connected region (its outer contour), fit the
 * minimum-area rectangle, drop small or low-scoring ones, unclip, re-box, and map back to source pixels.
 */
final class DbPostprocessor {
    /** db_postprocess.py: max_candidates. */
    static final int MAX_CANDIDATES = 1000;
    /** db_postprocess.py: min_size. */
    static final double MIN_SIZE = 3;

    private DbPostprocessor() {
    }

    record Detection(RotatedBox box, double score) {
    }

    /**
     * @param prob the {@code mapHeight × mapWidth} text-probability map
     * @param srcWidth width of the source image the boxes are mapped to
     * @param srcHeight height of the source image
     */
    static List<Detection> boxes(float[] prob, int mapWidth, int mapHeight, int srcWidth, int srcHeight,
            double binaryThreshold, double boxThreshold, double unclipRatio) {
        List<double[]> regions = TextRegions.outlines(prob, mapWidth, mapHeight, (float) binaryThreshold, MAX_CANDIDATES);
        List<Detection> out = new ArrayList<>();
        for (double[] outline : regions) {
            RotatedBox box = MinAreaRect.of(outline);
            if (box.shortSide() < MIN_SIZE) {
                continue;
            }
            double score = meanInside(prob, mapWidth, mapHeight, box);
            if (score < boxThreshold) {
                continue;
            }
            RotatedBox grown = MinAreaRect.of(box.unclip(unclipRatio).corners());
            if (grown.shortSide() < MIN_SIZE + 2) {
                continue;
            }
            out.add(new Detection(mapBack(grown, mapWidth, mapHeight, srcWidth, srcHeight), score));
        }
        return out;
    }

    /** box_score_fast: mean probability over the pixels inside the box polygon. */
    static double meanInside(float[] prob, int w, int h, RotatedBox box) {
        double[] c = box.corners();
        int x0 = clamp((int) Math.floor(Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6]))), w - 1);
        int x1 = clamp((int) Math.ceil(Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6]))), w - 1);
        int y0 = clamp((int) Math.floor(Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7]))), h - 1);
        int y1 = clamp((int) Math.ceil(Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]))), h - 1);
        double sum = 0;
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (box.contains(x, y)) {
                    sum += prob[y * w + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Scales x by {@code src/map} width and y by height, rounds, and clips to the source image. */
    static RotatedBox mapBack(RotatedBox box, int mapWidth, int mapHeight, int srcWidth, int srcHeight) {
        double[] c = box.corners();
        double[][] p = new double[4][];
        for (int i = 0; i < 4; i++) {
            p[i] = new double[] {
                Math.max(0, Math.min(srcWidth, Math.round(c[2 * i] / mapWidth * srcWidth))),
                Math.max(0, Math.min(srcHeight, Math.round(c[2 * i + 1] / mapHeight * srcHeight)))};
        }
        return RotatedBox.ordered(p);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
