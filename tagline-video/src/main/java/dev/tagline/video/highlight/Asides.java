package dev.tagline.video.highlight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Asides: short stretches that stray from what the rest of the video is about (a pasta tip in a git tutorial). Every
 * stretch of consecutive sentences spanning {@link #MIN_SPAN} to {@link #MAX_SPAN} is compared with the rest of the
 * video: the cosine between the mean of its sentence embeddings and the mean of all the others'. An aside is a stretch
 * that is an outlier among all of them, more than {@link #MAX_Z} robust standard deviations (1.4826 × the median
 * absolute deviation) below their median. Of outlier stretches that overlap, only the one furthest from the rest counts
 * (the others take in on-topic sentences around the aside); it grows by the sentences next to it that are closer to it
 * than to the rest, up to {@link #MAX_ASIDE} (an aside longer than {@link #MAX_SPAN} is marked whole), and its
 * sentences, merged where they touch, are returned, unless the outliers' own extent takes more than {@link #MAX_SHARE}
 * of the transcript: then they are a topic of the video's own, not an aside. That extent is the union of the furthest
 * outlier stretches that do not overlap one another (a long topic holds several, an aside one), not of every outlier
 * stretch: the less the sentences vary, the more on-topic neighbours the stretches around an aside take in and still
 * stray as far, and a 15 s aside would count for 45 s. One sentence alone is not enough to tell (single sentences far
 * from the video's centroid are ordinary), nor are shared nouns (a tutorial's on-topic asides such as "a bug at two in
 * the morning" share none with the rest either): measured in docs/benchmarks.md, "Issue 7 — clips find: off-topic
 * asides". Pure. Over the style guide's 200 lines because finding, growing and guarding an aside share one set of sums.
 */
final class Asides {
    static final Duration MIN_SPAN = Duration.ofSeconds(10);
    static final Duration MAX_SPAN = Duration.ofSeconds(30);
    /** The longest aside marked whole (a longer one is marked for its furthest two minutes). */
    static final Duration MAX_ASIDE = Duration.ofSeconds(120);
    /**
     * Measured: a pasta tip inserted in 68 parts of the six manifestos reached −4.0 to −7.5 (−6.0 in the git
     * tutorial), their on-topic stretches never went below −4.3 (about 36,000 stretches), the tutorial's −4.0.
     */
    static final double MAX_Z = -5.0;
    /** A video that says the same thing throughout would make tiny differences look like outliers. */
    static final double MIN_SPREAD = 0.03;
    /** More of the transcript's time than this is no aside. */
    static final double MAX_SHARE = 0.2;
    /** Fewer stretches than this give no median and spread to speak of (a video of a minute or less). */
    static final int MIN_STRETCHES = 20;

    private Asides() {
    }

    /** The asides among {@code sentences}, whose embeddings ({@code vectors}, one per sentence) are given. */
    static List<ClipSignals.Aside> find(List<Sentence> sentences, float[][] vectors) {
        List<int[]> stretches = stretches(sentences);
        if (stretches.size() < MIN_STRETCHES) {
            return List.of();
        }
        double[] total = sum(vectors);
        double[] z = zScores(stretches, vectors, total);
        Integer[] order = new Integer[z.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(z[x], z[y]));
        boolean[] aside = new boolean[sentences.size()];
        boolean[] near = new boolean[sentences.size()];
        boolean[] extent = new boolean[sentences.size()];
        for (int i : order) {
            int[] st = stretches.get(i);
            if (z[i] >= MAX_Z) {
                break;
            }
            if (!any(near, st)) {
                int[] whole = grown(st, sentences, vectors, total);
                Arrays.fill(aside, whole[0], whole[1] + 1, true);
                Arrays.fill(extent, whole[0], whole[1] + 1, true);
            }
            Arrays.fill(near, st[0], st[1] + 1, true);
            if (!any(extent, st)) {
                Arrays.fill(extent, st[0], st[1] + 1, true);
            }
        }
        long spoken = sentences.get(sentences.size() - 1).end().minus(sentences.get(0).start()).toMillis();
        return millis(merge(sentences, extent)) > MAX_SHARE * spoken ? List.of() : merge(sentences, aside);
    }

    /**
     * How far each of {@code stretches} strays from the rest of the video ({@code total}: the sum of all
     * {@code vectors}), in robust standard deviations from the median of them all; an aside is below {@link #MAX_Z}.
     */
    static double[] zScores(List<int[]> stretches, float[][] vectors, double[] total) {
        double[] cosines = new double[stretches.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = awayFromRest(stretches.get(i), vectors, total);
        }
        double median = median(cosines.clone());
        double[] deviations = Arrays.stream(cosines).map(c -> Math.abs(c - median)).toArray();
        double spread = Math.max(MIN_SPREAD, 1.4826 * median(deviations));
        return Arrays.stream(cosines).map(c -> (c - median) / spread).toArray();
    }

    static double[] sum(float[][] vectors) {
        double[] total = new double[vectors[0].length];
        for (float[] v : vectors) {
            add(total, v);
        }
        return total;
    }

    /**
     * {@code core} grown at either end, up to {@link #MAX_ASIDE}, while the next sentence out, or the next two (a
     * stray sentence inside a long aside), are closer to the aside's mean than to the rest's: the whole of an aside
     * longer than {@link #MAX_SPAN}, never an on-topic neighbour. (The run that strays furthest does not find it: once
     * the aside is all inside, taking in more of it or less moves the cosine by noise alone.)
     */
    static int[] grown(int[] core, List<Sentence> sentences, float[][] vectors, double[] total) {
        int a = core[0];
        int b = core[1];
        double[] inside = new double[total.length];
        for (int k = a; k <= b; k++) {
            add(inside, vectors[k]);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int n = 1; n <= 2 && !grew; n++) {
                if (joins(a - n, a - 1, b, sentences, vectors, inside, total)) {
                    a -= n;
                    grew = true;
                } else if (joins(b + 1, b + n, a, sentences, vectors, inside, total)) {
                    b += n;
                    grew = true;
                }
            }
        }
        return new int[] {a, b};
    }

    /**
     * Whether sentences {@code from}–{@code to} next to the aside (whose far end is sentence {@code other}, its sum
     * {@code inside}) join it, and if so adds them to {@code inside}.
     */
    private static boolean joins(int from, int to, int other, List<Sentence> sentences, float[][] vectors,
                                 double[] inside, double[] total) {
        int first = Math.min(from, other);
        int last = Math.max(to, other);
        if (first < 0 || last >= sentences.size() || last - first + 1 >= sentences.size()
                || sentences.get(last).end().minus(sentences.get(first).start()).compareTo(MAX_ASIDE) > 0) {
            return false;
        }
        double[] next = new double[total.length];
        for (int k = from; k <= to; k++) {
            add(next, vectors[k]);
        }
        double[] rest = new double[total.length];
        for (int d = 0; d < total.length; d++) {
            rest[d] = total[d] - inside[d] - next[d];
        }
        if (cosine(next, inside) <= cosine(next, rest)) {
            return false;
        }
        for (int d = 0; d < total.length; d++) {
            inside[d] += next[d];
        }
        return true;
    }

    private static double cosine(double[] x, double[] y) {
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int d = 0; d < x.length; d++) {
            dot += x[d] * y[d];
            xx += x[d] * x[d];
            yy += y[d] * y[d];
        }
        return xx == 0 || yy == 0 ? 1 : dot / Math.sqrt(xx * yy);
    }

    /** {first, last} sentence index of every run of consecutive sentences spanning MIN_SPAN to MAX_SPAN. */
    static List<int[]> stretches(List<Sentence> sentences) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (int j = i; j < sentences.size(); j++) {
                Duration span = sentences.get(j).end().minus(sentences.get(i).start());
                if (span.compareTo(MAX_SPAN) > 0) {
                    break;
                }
                if (span.compareTo(MIN_SPAN) >= 0 && j - i + 1 < sentences.size()) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    /** Cosine between the stretch's summed embeddings and the rest's (the sums point where the means do). */
    private static double awayFromRest(int[] stretch, float[][] vectors, double[] total) {
        double[] inside = new double[total.length];
        for (int k = stretch[0]; k <= stretch[1]; k++) {
            add(inside, vectors[k]);
        }
        double dot = 0;
        double in = 0;
        double out = 0;
        for (int d = 0; d < total.length; d++) {
            double rest = total[d] - inside[d];
            dot += inside[d] * rest;
            in += inside[d] * inside[d];
            out += rest * rest;
        }
        return in == 0 || out == 0 ? 1 : dot / Math.sqrt(in * out);
    }

    /** Whether any sentence of {@code stretch} is marked in {@code marked}. */
    private static boolean any(boolean[] marked, int[] stretch) {
        for (int k = stretch[0]; k <= stretch[1]; k++) {
            if (marked[k]) {
                return true;
            }
        }
        return false;
    }

    private static long millis(List<ClipSignals.Aside> asides) {
        return asides.stream().mapToLong(a -> a.end().minus(a.start()).toMillis()).sum();
    }

    private static void add(double[] sum, float[] v) {
        for (int d = 0; d < sum.length; d++) {
            sum[d] += v[d];
        }
    }

    private static double median(double[] x) {
        Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    private static List<ClipSignals.Aside> merge(List<Sentence> sentences, boolean[] aside) {
        List<ClipSignals.Aside> out = new ArrayList<>();
        for (int i = 0; i < aside.length; i++) {
            if (!aside[i]) {
                continue;
            }
            int j = i;
            while (j + 1 < aside.length && aside[j + 1]) {
                j++;
            }
            out.add(new ClipSignals.Aside(sentences.get(i).start(), sentences.get(j).end()));
            i = j;
        }
        return out;
    }
}
