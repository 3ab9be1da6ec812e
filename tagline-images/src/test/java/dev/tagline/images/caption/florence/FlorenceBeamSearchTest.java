package dev.tagline.images.caption.florence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The search and logits rules on a hand-made bigram scorer, without ONNX Runtime. */
class FlorenceBeamSearchTest {
    static final int BOS = 0;
    static final int X = 1;
    static final int EOS = 2;
    static final int Y = 3;

    /** Logits that depend on the last token only; the rows' parents do not matter. */
    static TokenScorer bigram(float[][] table) {
        return (parents, tokens) -> {
            float[][] out = new float[tokens.length][];
            for (int i = 0; i < tokens.length; i++) {
                out[i] = table[(int) tokens[i]].clone();
            }
            return out;
        };
    }

    /**
     * After the forced BOS, stopping at once has log-prob -0.6 and "x" then EOS -0.8 (the logits already sum to one
     * in probability): per token "x" is better (-0.8/3 > -0.6/2), in total stopping is.
     */
    static final float[][] TABLE = {
        {-100f, -0.8f, -0.6f, (float) Math.log(1 - Math.exp(-0.6) - Math.exp(-0.8))}, // from BOS
        {-100f, -100f, 0f, -100f},                                                   // from x
        {0f, 0f, 0f, 0f},                                                             // from the start token
        {-100f, -100f, 0f, -100f},                                                   // from y
    };

    static BeamSearch.Settings settings(int beams, double lengthPenalty) {
        return new BeamSearch.Settings(beams, 10, EOS, EOS, lengthPenalty, true,
                new LogitsRules(1.0, 0, BOS, EOS, 11));
    }

    @Test
    void hypothesesAreScoredPerTokenWithTheLengthPenalty() {
        BeamSearch.Generated perToken = BeamSearch.run(bigram(TABLE), settings(3, 1.0));
        assertArrayEquals(new long[] {EOS, BOS, X, EOS}, perToken.ids());
        assertFalse(perToken.hitLimit());
        BeamSearch.Generated total = BeamSearch.run(bigram(TABLE), settings(3, 0.0));
        assertArrayEquals(new long[] {EOS, BOS, EOS}, total.ids());
        assertEquals(2, total.newTokens());
    }

    /** Log-probs for the listed tokens, the rest of the probability on z (4), every other token at -100. */
    static float[] row(int[] tokens, double[] logProbs) {
        float[] out = new float[5];
        java.util.Arrays.fill(out, -100f);
        double left = 1;
        for (int i = 0; i < tokens.length; i++) {
            out[tokens[i]] = (float) logProbs[i];
            left -= Math.exp(logProbs[i]);
        }
        out[4] = (float) Math.log(left);
        return out;
    }

    @Test
    void withoutEarlyStoppingTheSearchGoesOnWhileARunningBeamCanStillWin() {
        float[][] table = {
            row(new int[] {X, EOS, Y}, new double[] {-0.7, -1.2, -1.7}),   // from BOS
            row(new int[] {EOS, X}, new double[] {-0.9, -0.6}),            // from x
            new float[5],                                                 // from the start token
            row(new int[] {Y, EOS}, new double[] {-0.01, -5}),             // from y: a cheap chain
            {-100f, -100f, 0f, -100f, -100f},                              // from z
        };
        // "" (-1.2/2) and "x" (-1.6/3) end first; early stopping takes "x". Without it, "y y y …" keeps a better
        // per-token score than the worst finished one and wins at the limit: (-1.7 - 7 × 0.01) / 10.
        BeamSearch.Settings early = new BeamSearch.Settings(2, 10, EOS, EOS, 1.0, true,
                new LogitsRules(1.0, 0, BOS, EOS, 11));
        assertArrayEquals(new long[] {EOS, BOS, X, EOS}, BeamSearch.run(bigram(table), early).ids());
        BeamSearch.Settings patient = new BeamSearch.Settings(2, 10, EOS, EOS, 1.0, false,
                new LogitsRules(1.0, 0, BOS, EOS, 11));
        BeamSearch.Generated g = BeamSearch.run(bigram(table), patient);
        assertArrayEquals(new long[] {EOS, BOS, Y, Y, Y, Y, Y, Y, Y, Y, EOS}, g.ids());
        assertTrue(g.hitLimit());
    }

    @Test
    void searchesSideBySideEachGetTheirOwnRowsAndAFinishedOneRidesAlongOnPad() {
        float[][] stopsSoon = {{0, 0, 9, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        float[][] runsLong = {{0, 9, 0, 0, 0}, {0, 9, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        java.util.List<long[]> fedToFirst = new java.util.ArrayList<>();
        TokenScorer rowsByImage = (parents, tokens) -> {
            assertEquals(4, tokens.length);
            for (int r = 0; r < 4; r++) {
                assertEquals(r < 2 ? 0 : 1, parents == null ? r / 2 : parents[r] / 2, "rows stay with their image");
            }
            fedToFirst.add(new long[] {tokens[0], tokens[1]});
            float[][] out = new float[4][];
            for (int r = 0; r < 4; r++) {
                out[r] = (r < 2 ? stopsSoon : runsLong)[(int) tokens[r]].clone();
            }
            return out;
        };
        BeamSearch.Settings s = new BeamSearch.Settings(2, 6, EOS, EOS, 1.0, true,
                new LogitsRules(1.0, 0, BOS, EOS, 7));
        java.util.List<BeamSearch.Search> searches = java.util.List.of(BeamSearch.start(s), BeamSearch.start(s));
        BeamSearch.runAll(rowsByImage, searches, 2, 1);
        assertArrayEquals(new long[] {EOS, BOS, EOS}, searches.get(0).result().ids());
        assertArrayEquals(new long[] {EOS, BOS, X, X, X, X, EOS}, searches.get(1).result().ids());
        assertTrue(searches.get(1).result().hitLimit());
        assertEquals(6, fedToFirst.size());                       // the long search's six steps
        assertArrayEquals(new long[] {1, 1}, fedToFirst.get(5));   // the finished first search rides along on pad
    }

    @Test
    void greedyTakesTheFirstHighestAndTheLastAllowedTokenIsForcedToEos() {
        float[][] loop = {{0, 5, 1, 0}, {0, 5, 1, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        BeamSearch.Settings s = new BeamSearch.Settings(1, 4, EOS, EOS, 1.0, true,
                new LogitsRules(1.0, 0, BOS, EOS, 5));
        BeamSearch.Generated g = BeamSearch.run(bigram(loop), s);
        assertArrayEquals(new long[] {EOS, BOS, X, X, EOS}, g.ids());
        assertTrue(g.hitLimit());
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeScoresOfSeenTokens() {
        float[] scores = {2f, -2f, 1f, 4f};
        new LogitsRules(2.0, 0, -1, -1, 100).apply(scores, new long[] {0, 1, 1}, 3);
        assertArrayEquals(new float[] {1f, -4f, 1f, 4f}, scores);
    }

    @Test
    void forcedBosOnlyAtTheFirstNewToken() {
        float[] first = {1f, 2f, 3f, 4f};
        new LogitsRules(1.0, 0, BOS, EOS, 100).apply(first, new long[] {EOS}, 1);
        assertArrayEquals(new float[] {0f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NEGATIVE_INFINITY}, first);
        float[] later = {1f, 2f, 3f, 4f};
        new LogitsRules(1.0, 0, BOS, EOS, 100).apply(later, new long[] {EOS, BOS}, 2);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, later);
    }
}
