package dev.tagline.inference.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into candidate detections in normalised [0, 1] input coordinates (top-left origin).
 * Anchors and decoding follow keijiro/BlazeFaceBarracuda {@code Shaders/Postprocess1Kernel.hlsl} and MediaPipe
 * {@code face_detection_short_range_common.pbtxt}: head A is a 16×16 grid with 2 anchors per cell, head B an 8×8 grid
 * with 6 anchors per cell (896 in all), anchor centre {@code ((x + 0.5) / cells, (y + 0.5) / cells)}, fixed anchor
 * size 1, regressors divided by the input size, x before y. Keijiro's V flip is skipped (our images are top-left
 * origin).
 */
final class BlazeFaceDecoder {
    static final int HEAD_A_CELLS = 16;
    static final int HEAD_A_ANCHORS = 2;
    static final int HEAD_B_CELLS = 8;
    static final int HEAD_B_ANCHORS = 6;
    static final int VALUES_PER_ANCHOR = 16;
    static final int KEYPOINTS = 6;
    /** MediaPipe TensorsToDetectionsCalculator score_clipping_thresh. */
    private static final float SCORE_CLIP = 100f;

    private BlazeFaceDecoder() {
    }

    /** A candidate before NMS: centre, extent and 6 keypoints in normalised input coordinates. */
    record Candidate(float cx, float cy, float w, float h, float[] keypoints, float score) {
    }

    /**
     * Decodes both heads.
     *
     * @param scoresA logits of head A (512)
     * @param boxesA regressors of head A (512 × 16)
     * @param scoresB logits of head B (384)
     * @param boxesB regressors of head B (384 × 16)
     * @param inputSize the square input size (128 or 256)
     * @param minScore keep candidates with sigmoid score at least this
     */
    static List<Candidate> decode(float[] scoresA, float[] boxesA, float[] scoresB, float[] boxesB, int inputSize,
            double minScore) {
        List<Candidate> out = new ArrayList<>();
        decodeHead(scoresA, boxesA, HEAD_A_CELLS, HEAD_A_ANCHORS, inputSize, minScore, out);
        decodeHead(scoresB, boxesB, HEAD_B_CELLS, HEAD_B_ANCHORS, inputSize, minScore, out);
        return out;
    }

    private static void decodeHead(float[] scores, float[] boxes, int cells, int anchorsPerCell, int inputSize,
            double minScore, List<Candidate> out) {
        int count = cells * cells * anchorsPerCell;
        if (scores.length != count || boxes.length != count * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("BlazeFace head expects " + count + " anchors, got " + scores.length
                    + " scores and " + boxes.length + " regressor values");
        }
        float scale = 1f / inputSize;
        for (int i = 0; i < count; i++) {
            float score = sigmoid(scores[i]);
            if (score < minScore) {
                continue;
            }
            int cell = i / anchorsPerCell;
            float ax = ((cell % cells) + 0.5f) / cells;
            float ay = ((cell / cells) + 0.5f) / cells;
            int b = i * VALUES_PER_ANCHOR;
            float[] keypoints = new float[KEYPOINTS * 2];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[2 * k] = ax + boxes[b + 4 + 2 * k] * scale;
                keypoints[2 * k + 1] = ay + boxes[b + 5 + 2 * k] * scale;
            }
            out.add(new Candidate(ax + boxes[b] * scale, ay + boxes[b + 1] * scale, boxes[b + 2] * scale,
                    boxes[b + 3] * scale, keypoints, score));
        }
    }

    static float sigmoid(float logit) {
        float clipped = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logit));
        return (float) (1 / (1 + Math.exp(-clipped)));
    }
}
