package dev.tagline.inference.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNmsTest {
    static Candidate box(float cx, float cy, float size, float score) {
        float[] kp = new float[12];
        java.util.Arrays.fill(kp, cx);
        return new Candidate(cx, cy, size, size, kp, score);
    }

    @Test
    void overlappingCandidatesAreBlendedByScoreAndKeepTheBestScore() {
        Candidate a = box(0.50f, 0.50f, 0.2f, 0.9f);
        Candidate b = box(0.52f, 0.50f, 0.2f, 0.6f);
        List<Candidate> out = WeightedNms.apply(List.of(b, a), 0.3);
        assertEquals(1, out.size());
        assertEquals((0.50 * 0.9 + 0.52 * 0.6) / 1.5, out.get(0).cx(), 1e-6);
        assertEquals((0.50 * 0.9 + 0.52 * 0.6) / 1.5, out.get(0).keypoints()[4], 1e-6);
        assertEquals(0.9f, out.get(0).score());
    }

    @Test
    void separateFacesStaySeparateBestFirst() {
        List<Candidate> out = WeightedNms.apply(List.of(box(0.2f, 0.2f, 0.1f, 0.7f), box(0.8f, 0.8f, 0.1f, 0.95f)),
                0.3);
        assertEquals(2, out.size());
        assertEquals(0.95f, out.get(0).score());
    }

    @Test
    void iouBelowTheThresholdIsNotMerged() {
        Candidate a = box(0.5f, 0.5f, 0.2f, 0.9f);
        Candidate b = box(0.62f, 0.5f, 0.2f, 0.8f); // IoU = 0.08 / 0.32 = 0.25
        assertEquals(0.25, WeightedNms.iou(a, b), 1e-6);
        assertEquals(2, WeightedNms.apply(List.of(a, b), 0.3).size());
    }
}
