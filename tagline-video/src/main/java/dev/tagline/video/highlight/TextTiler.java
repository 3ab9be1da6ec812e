package dev.tagline.video.highlight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Topic boundaries by TextTiling over sentence embeddings, as ClipsAI does it ({@code clipsai/clip/texttiler.py},
 * video.md §3): the gap score after sentence i is the cosine similarity of the mean of the k embeddings up to i and
 * the mean of the k after it; scores are smoothed by a flat moving average of width 3 (the SciPy-cookbook
 * {@code smooth} with its reflected ends); a gap's depth is (left peak − score) + (right peak − score), each peak
 * found by walking outwards while the score does not fall; a gap is a boundary when its depth exceeds the cutoff
 * (policy HIGH, the default: mean + population standard deviation) and is at least both neighbours' depths (not
 * equal to both). Pure.
 */
public final class TextTiler {
    /** ClipsAI {@code text_tile} default window. */
    public static final int DEFAULT_K = 7;
    /** ClipsAI {@code smoothing_width}. */
    static final int SMOOTHING = 3;

    /** ClipsAI {@code cutoff_policy}. */
    public enum Cutoff { HIGH, AVERAGE, LOW }

    private TextTiler() {
    }

    /** Gap indices i (0-based) such that a new topic starts at sentence i + 1. */
    public static List<Integer> boundaries(float[][] embeddings, int k, Cutoff cutoff) {
        int n = embeddings.length;
        if (n < 3) {
            return List.of();
        }
        int window = k >= n ? Math.max(n / 5, 2) : k; // ClipsAI: "k value must be less than the number of embeddings"
        double[] depth = depthScores(smooth(gapScores(embeddings, window), SMOOTHING));
        double mean = 0;
        for (double d : depth) {
            mean += d;
        }
        mean /= depth.length;
        double var = 0;
        for (double d : depth) {
            var += (d - mean) * (d - mean);
        }
        double std = Math.sqrt(var / depth.length);
        double limit = switch (cutoff) {
            case HIGH -> mean + std;
            case AVERAGE -> mean;
            case LOW -> mean - std;
        };
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < depth.length; i++) {
            double left = depth[Math.max(0, i - 1)];
            double right = depth[Math.min(depth.length - 1, i + 1)];
            if (depth[i] > limit && depth[i] >= left && depth[i] >= right && !(depth[i] == left && depth[i] == right)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Where each topic starts, for {@link ClipSignals#topicStarts()}: the first sentence, then each boundary. */
    public static List<Duration> topicStarts(List<Sentence> sentences, List<Integer> boundaries) {
        List<Duration> starts = new ArrayList<>();
        if (!sentences.isEmpty()) {
            starts.add(sentences.get(0).start());
        }
        boundaries.forEach(i -> starts.add(sentences.get(i + 1).start()));
        return starts;
    }

    static double[] gapScores(float[][] e, int k) {
        int n = e.length;
        double[] scores = new double[n - 1];
        for (int gap = 0; gap < n - 1; gap++) {
            double[] left = mean(e, Math.max(0, gap - k + 1), gap + 1);
            double[] right = mean(e, gap + 1, Math.min(gap + 1 + k, n));
            scores[gap] = cosine(left, right);
        }
        return scores;
    }

    /** SciPy cookbook {@code smooth(x, w, "flat")}, reflected ends included; unsmoothed when too short. */
    static double[] smooth(double[] x, int w) {
        int n = x.length;
        if (w < 3 || n <= w) {
            return x.clone();
        }
        double[] s = new double[n + 2 * (w - 1)];
        for (int j = w, at = 0; j >= 2; j--, at++) {
            s[at] = 2 * x[0] - x[j];
        }
        System.arraycopy(x, 0, s, w - 1, n);
        for (int j = 1; j < w; j++) {
            s[n + w - 2 + j] = 2 * x[n - 1] - x[n - j];
        }
        double[] out = new double[n];
        int h = (w - 1) / 2;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = -h; m <= h; m++) {
                sum += s[i + w - 1 + m];
            }
            out[i] = sum / w;
        }
        return out;
    }

    static double[] depthScores(double[] g) {
        double[] depth = new double[g.length];
        for (int gap = 0; gap < g.length; gap++) {
            double left = g[gap];
            for (int i = gap; i >= 0 && g[i] >= left; i--) {
                left = g[i];
            }
            double right = g[gap];
            for (int i = gap; i < g.length && g[i] >= right; i++) {
                right = g[i];
            }
            depth[gap] = (left - g[gap]) + (right - g[gap]);
        }
        return depth;
    }

    private static double[] mean(float[][] e, int from, int to) {
        double[] m = new double[e[0].length];
        for (int i = from; i < to; i++) {
            for (int d = 0; d < m.length; d++) {
                m[d] += e[i][d];
            }
        }
        for (int d = 0; d < m.length; d++) {
            m[d] /= to - from;
        }
        return m;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        // torch F.cosine_similarity clamps each norm at eps 1e-8
        return dot / (Math.max(Math.sqrt(na), 1e-8) * Math.max(Math.sqrt(nb), 1e-8));
    }
}
