package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTilerTest {
    /** Sentences of three distinct topics: each a topic direction plus noise, as sentence embeddings look. */
    private static float[][] topics(int... lengths) {
        Random random = new Random(42);
        int dims = 64;
        int total = java.util.Arrays.stream(lengths).sum();
        float[][] out = new float[total][dims];
        int at = 0;
        for (int t = 0; t < lengths.length; t++) {
            float[] topic = new float[dims];
            for (int d = 0; d < dims; d++) {
                topic[d] = (float) random.nextGaussian();
            }
            for (int s = 0; s < lengths[t]; s++, at++) {
                for (int d = 0; d < dims; d++) {
                    out[at][d] = topic[d] + 0.6f * (float) random.nextGaussian();
                }
            }
        }
        return out;
    }

    @Test
    void findsTheBoundariesBetweenDistinctTopics() {
        assertEquals(List.of(14, 31), TextTiler.boundaries(topics(15, 17, 20), TextTiler.DEFAULT_K,
                TextTiler.Cutoff.HIGH));
        assertEquals(List.of(11), TextTiler.boundaries(topics(12, 12), 5, TextTiler.Cutoff.HIGH));
    }

    @Test
    void oneTopicHasNoBoundaryAboveTheHighCutoffThatIsFarFromNoise() {
        List<Integer> b = TextTiler.boundaries(topics(40), TextTiler.DEFAULT_K, TextTiler.Cutoff.HIGH);
        assertEquals(true, b.size() <= 3, b.toString());
    }

    @Test
    void smoothingIsTheCookbookFlatWindowWithReflectedEnds() {
        double[] x = {1, 2, 4, 8, 16};
        // s = [2*1-8, 2*1-4, 1, 2, 4, 8, 16, 2*16-16, 2*16-8]
        assertArrayEquals(new double[] {(-2 + 1 + 2) / 3.0, 7 / 3.0, 14 / 3.0, 28 / 3.0, 40 / 3.0},
                TextTiler.smooth(x, 3), 1e-12);
    }

    @Test
    void depthWalksToThePeaksOnBothSides() {
        assertArrayEquals(new double[] {0, 0.2, 0.9, 0.1, 0}, TextTiler.depthScores(new double[] {0.9, 0.7, 0.3,
                0.5, 0.6}), 1e-12);
    }

    @Test
    void topicStartsAreSentenceStarts() {
        List<Sentence> s = List.of(sentence(0, 0), sentence(1, 5), sentence(2, 10));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(10)), TextTiler.topicStarts(s, List.of(1)));
    }

    private static Sentence sentence(int id, int start) {
        return new Sentence(id, Duration.ofSeconds(start), Duration.ofSeconds(start + 4), "s", List.of());
    }
}
