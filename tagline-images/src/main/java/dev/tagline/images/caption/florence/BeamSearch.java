package dev.tagline.images.caption.florence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy and beam search as Hugging Face {@code generate} runs them for an encoder-decoder model with
 * {@code do_sample=False}. Greedy applies the {@link LogitsRules} to the raw logits and takes the highest (first on
 * ties); beam search applies them to log-softmax scores, ranks {@code 2 × beams} candidates over all beams, turns an
 * EOS among the top {@code beams} into a finished hypothesis scored {@code sum of log-probs / length^lengthPenalty}
 * (length = ids before the EOS, start token included; BeamHypotheses), keeps the best {@code beams} others going,
 * and with {@code early_stopping} stops once {@code beams} hypotheses are finished. At the length limit every beam
 * left is a hypothesis too.
 */
final class BeamSearch {
    /** A finished generation: decoder ids (start token first, EOS last when one was generated). */
    record Generated(long[] ids, boolean hitLimit) {
        int newTokens() {
            return ids.length - 1;
        }
    }

    /**
     * @param beams          hypotheses kept (1 = greedy)
     * @param maxNewTokens   tokens generated at most
     * @param lengthPenalty  exponent of the length in hypothesis scores
     * @param earlyStopping  stop as soon as {@code beams} hypotheses are finished
     */
    record Settings(int beams, int maxNewTokens, long decoderStart, long eos, double lengthPenalty,
                    boolean earlyStopping, LogitsRules rules) {
    }

    private BeamSearch() {
    }

    /**
     * One search as a state machine, so that the searches of several images can share one decoder call: feed
     * {@link #tokens()} to rows that first copy {@link #parents()}, hand the logits of its rows to {@link #accept}.
     */
    interface Search {
        /** Rows this search uses in the decoder: its beams, 1 for greedy. */
        int rows();

        /** The token each row appends next. */
        long[] tokens();

        /** The row each row continues ({@code null}: rows stay where they are). */
        int[] parents();

        void accept(float[][] logits);

        boolean done();

        Generated result();
    }

    static Search start(Settings s) {
        return s.beams() == 1 ? new GreedySearch(s) : new BeamSearchState(s);
    }

    /** One search on its own scorer, to the end. */
    static Generated run(TokenScorer model, Settings s) {
        Search search = start(s);
        while (!search.done()) {
            search.accept(model.step(search.parents(), search.tokens()));
        }
        return search.result();
    }

    /**
     * Several searches of {@code rows} rows each side by side on one scorer: search {@code i} owns rows
     * {@code i * rows} to {@code (i + 1) * rows - 1}. A search that has ended rides along on {@code pad} tokens in
     * place until the last one ends; its rows' logits are ignored.
     */
    static void runAll(TokenScorer model, List<Search> searches, int rows, long pad) {
        long[] tokens = new long[searches.size() * rows];
        int[] parents = new int[tokens.length];
        while (searches.stream().anyMatch(s -> !s.done())) {
            for (int i = 0; i < searches.size(); i++) {
                Search search = searches.get(i);
                long[] next = search.done() ? null : search.tokens();
                int[] from = search.done() ? null : search.parents();
                for (int j = 0; j < rows; j++) {
                    tokens[i * rows + j] = next == null ? pad : next[j];
                    parents[i * rows + j] = i * rows + (from == null ? j : from[j]);
                }
            }
            float[][] logits = model.step(parents.clone(), tokens.clone());
            for (int i = 0; i < searches.size(); i++) {
                if (!searches.get(i).done()) {
                    searches.get(i).accept(Arrays.copyOfRange(logits, i * rows, (i + 1) * rows));
                }
            }
        }
    }

    record Candidate(double score, int beam, int token) {
    }

    /** The {@code n} best (beam, token) continuations by beam score + processed log-prob; lower index on ties. */
    static List<Candidate> topCandidates(float[][] logits, long[][] beams, double[] beamScores, int length,
            Settings s, int n) {
        List<Candidate> top = new ArrayList<>(n + 1);
        for (int b = 0; b < logits.length; b++) {
            float[] scores = logSoftmax(logits[b]);
            s.rules().apply(scores, beams[b], length);
            for (int t = 0; t < scores.length; t++) {
                double total = scores[t] + beamScores[b];
                if (top.size() == n && !(total > top.get(n - 1).score)) {
                    continue;
                }
                int at = top.size();
                while (at > 0 && top.get(at - 1).score < total) {
                    at--;
                }
                top.add(at, new Candidate(total, b, t));
                if (top.size() > n) {
                    top.remove(n);
                }
            }
        }
        return top;
    }

    static float[] logSoftmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        float shift = (float) (max + Math.log(sum));
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - shift;
        }
        return out;
    }
}
