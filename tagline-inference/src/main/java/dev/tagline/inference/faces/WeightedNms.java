package dev.tagline.inference.faces;

import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weighted non-maximum suppression (MediaPipe NonMaxSuppressionCalculator, {@code algorithm: WEIGHTED}; keijiro
 * {@code Postprocess2.compute}): take the best remaining candidate, blend every candidate overlapping it by at least
 * the IoU threshold (box and keypoints averaged, weighted by score), keep the highest score, repeat.
 */
final class WeightedNms {
    private WeightedNms() {
    }

    static List<Candidate> apply(List<Candidate> candidates, double iouThreshold) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Candidate best = remaining.get(0);
            List<Candidate> cluster = new ArrayList<>();
            List<Candidate> rest = new ArrayList<>();
            for (Candidate c : remaining) {
                (iou(best, c) >= iouThreshold ? cluster : rest).add(c);
            }
            out.add(blend(cluster, best.score()));
            remaining = rest;
        }
        return out;
    }

    private static Candidate blend(List<Candidate> cluster, float score) {
        double total = 0;
        double cx = 0;
        double cy = 0;
        double w = 0;
        double h = 0;
        double[] kp = new double[BlazeFaceDecoder.KEYPOINTS * 2];
        for (Candidate c : cluster) {
            double weight = c.score();
            total += weight;
            cx += c.cx() * weight;
            cy += c.cy() * weight;
            w += c.w() * weight;
            h += c.h() * weight;
            for (int k = 0; k < kp.length; k++) {
                kp[k] += c.keypoints()[k] * weight;
            }
        }
        float[] keypoints = new float[kp.length];
        for (int k = 0; k < kp.length; k++) {
            keypoints[k] = (float) (kp[k] / total);
        }
        return new Candidate((float) (cx / total), (float) (cy / total), (float) (w / total), (float) (h / total),
                keypoints, score);
    }

    static double iou(Candidate a, Candidate b) {
        double x0 = Math.max(a.cx() - a.w() / 2, b.cx() - b.w() / 2);
        double y0 = Math.max(a.cy() - a.h() / 2, b.cy() - b.h() / 2);
        double x1 = Math.min(a.cx() + a.w() / 2, b.cx() + b.w() / 2);
        double y1 = Math.min(a.cy() + a.h() / 2, b.cy() + b.h() / 2);
        double inner = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = a.w() * a.h() + b.w() * b.h() - inner;
        return union <= 0 ? 0 : inner / union;
    }
}
