package dev.tagline.images.caption.florence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hugging Face's {@code BeamHypotheses}: the best {@code beams} finished hypotheses of one beam search, by
 * {@code sum of log-probs / length^lengthPenalty}.
 */
final class BeamHypotheses {
    private record Hyp(long[] ids, double score, boolean hitLimit) {
    }

    private final int beams;
    private final double lengthPenalty;
    private final boolean earlyStopping;
    private final List<Hyp> hyps = new ArrayList<>();

    BeamHypotheses(int beams, double lengthPenalty, boolean earlyStopping) {
        this.beams = beams;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
    }

    void add(long[] ids, double sumLogProbs, boolean hitLimit) {
        double score = sumLogProbs / Math.pow(ids.length, lengthPenalty);
        if (hyps.size() < beams || score > worst()) {
            hyps.add(new Hyp(ids, score, hitLimit));
            if (hyps.size() > beams) {
                hyps.remove(hyps.stream().min((a, b) -> Double.compare(a.score, b.score)).orElseThrow());
            }
        }
    }

    /** Whether no running beam can beat the finished ones (early stopping: as soon as there are enough). */
    boolean isDone(double bestRunningSum, int length) {
        if (hyps.size() < beams) {
            return false;
        }
        return earlyStopping || worst() >= bestRunningSum / Math.pow(length, lengthPenalty);
    }

    private double worst() {
        return hyps.stream().mapToDouble(Hyp::score).min().orElse(Double.NEGATIVE_INFINITY);
    }

    BeamSearch.Generated best(long eos) {
        Hyp best = hyps.get(0);
        for (Hyp h : hyps) {
            if (h.score > best.score) {
                best = h;
            }
        }
        long[] ids = Arrays.copyOf(best.ids, best.ids.length + 1);
        ids[best.ids.length] = eos;
        return new BeamSearch.Generated(ids, best.hitLimit);
    }
}
