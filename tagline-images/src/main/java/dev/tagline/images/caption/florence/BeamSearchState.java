package dev.tagline.images.caption.florence;

import java.util.Arrays;
import java.util.List;

/**
 * One beam search in progress (Hugging Face {@code _beam_search} with {@code BeamSearchScorer}); see
 * {@link BeamSearch} for the rules it follows.
 */
final class BeamSearchState implements BeamSearch.Search {
    private final BeamSearch.Settings s;
    private final int k;
    private final int maxLength;
    private final BeamHypotheses finished;
    private long[][] beams;
    private double[] beamScores;
    private int[] parents;
    private final long[] last;
    private int length = 1;
    private boolean done;

    BeamSearchState(BeamSearch.Settings s) {
        this.s = s;
        this.k = s.beams();
        this.maxLength = s.maxNewTokens() + 1;
        this.finished = new BeamHypotheses(k, s.lengthPenalty(), s.earlyStopping());
        this.beams = new long[k][maxLength];
        this.beamScores = new double[k];
        this.last = new long[k];
        for (int i = 0; i < k; i++) {
            beams[i][0] = s.decoderStart();
            beamScores[i] = i == 0 ? 0 : -1e9; // only the first beam spreads on the first step, as in HF
            last[i] = s.decoderStart();
        }
    }

    @Override
    public int rows() {
        return k;
    }

    @Override
    public long[] tokens() {
        return last.clone();
    }

    @Override
    public int[] parents() {
        return parents == null ? null : parents.clone();
    }

    @Override
    public void accept(float[][] logits) {
        List<BeamSearch.Candidate> top = BeamSearch.topCandidates(logits, beams, beamScores, length, s, 2 * k);
        long[][] next = new long[k][];
        double[] nextScores = new double[k];
        parents = new int[k];
        int kept = 0;
        for (int rank = 0; rank < top.size() && kept < k; rank++) {
            BeamSearch.Candidate c = top.get(rank);
            if (c.token() == s.eos()) {
                if (rank < k) {
                    finished.add(Arrays.copyOf(beams[c.beam()], length), c.score(), length == maxLength - 1);
                }
                continue;
            }
            next[kept] = beams[c.beam()].clone();
            next[kept][length] = c.token();
            nextScores[kept] = c.score();
            parents[kept] = c.beam();
            last[kept] = c.token();
            kept++;
        }
        boolean enough = finished.isDone(top.get(0).score(), length);
        beams = next;
        beamScores = nextScores;
        length++;
        if (!enough && length == maxLength) {
            for (int i = 0; i < k; i++) {
                if (beams[i] != null) {
                    finished.add(Arrays.copyOf(beams[i], length), beamScores[i], true);
                }
            }
        }
        done = enough || length == maxLength;
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public BeamSearch.Generated result() {
        return finished.best(s.eos());
    }
}
