package dev.tagline.images.caption.florence;

import java.util.Arrays;

/** Greedy decoding (Hugging Face {@code _sample} without sampling): the rules on the raw logits, then the highest. */
final class GreedySearch implements BeamSearch.Search {
    private final BeamSearch.Settings s;
    private final long[] ids;
    private int length = 1;
    private boolean done;

    GreedySearch(BeamSearch.Settings s) {
        this.s = s;
        this.ids = new long[s.maxNewTokens() + 1];
        ids[0] = s.decoderStart();
    }

    @Override
    public int rows() {
        return 1;
    }

    @Override
    public long[] tokens() {
        return new long[] {ids[length - 1]};
    }

    @Override
    public int[] parents() {
        return null;
    }

    @Override
    public void accept(float[][] logits) {
        float[] scores = logits[0];
        s.rules().apply(scores, ids, length);
        int best = 0;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        ids[length++] = best;
        done = best == s.eos() || length == ids.length;
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public BeamSearch.Generated result() {
        return new BeamSearch.Generated(Arrays.copyOf(ids, length), length == ids.length);
    }
}
