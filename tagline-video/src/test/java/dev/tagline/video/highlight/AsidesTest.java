package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asides on hand-built sentence embeddings: 5 s sentences whose vectors vary around one topic or another. */
class AsidesTest {
    private static final int DIMENSIONS = 16;
    private static final double NOISE = 0.35;

    /**
     * The less the sentences vary, the more of the on-topic sentences around the aside the runs that take it in can
     * hold and still stray as far: all those runs together took 45 s of the 200 at noise 0.1 and 0.2, more than a
     * fifth, and hid the aside. Only the aside's own extent counts towards the fifth.
     */
    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0.1, 0.2, 0.35})
    void threeSentencesAboutSomethingElseAreAnAsideHoweverAlikeTheRestIs(double noise) {
        List<Sentence> talk = sentences(40);
        float[][] vectors = new float[40][];
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            vectors[i] = around(i >= 20 && i < 23 ? 1 : 0, random, noise);
        }
        assertEquals(List.of(new ClipSignals.Aside(talk.get(20).start(), talk.get(22).end())),
                Asides.find(talk, vectors));
    }

    /**
     * Runs of 10–30 s find an aside, but one longer than 30 s was marked only for its furthest 30 s: the runs that
     * take in the rest of it overlap the furthest and were passed over (here only 15 s of the 50 were marked). The
     * furthest run now grows, up to {@link Asides#MAX_ASIDE}, by the sentences closer to it than to the rest: from
     * the aside's first sentence to its last, and not the on-topic sentence on either side.
     */
    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0.1, 0.2, 0.35})
    void anAsideOfFiftySecondsWasMarkedOnlyForThirty_nowItIsMarkedWhole(double noise) {
        List<Sentence> talk = sentences(80);
        float[][] vectors = new float[80][];
        Random random = new Random(11);
        for (int i = 0; i < 80; i++) {
            vectors[i] = around(i >= 40 && i < 50 ? 1 : 0, random, noise);
        }
        assertEquals(List.of(new ClipSignals.Aside(talk.get(40).start(), talk.get(49).end())),
                Asides.find(talk, vectors));
    }

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0.1, 0.2, 0.35})
    void aTopicThatTakesAQuarterOfTheVideoIsNoAside(double noise) {
        List<Sentence> talk = sentences(40);
        float[][] vectors = new float[40][];
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            vectors[i] = around(i < 10 ? 1 : 0, random, noise);
        }
        assertEquals(List.of(), Asides.find(talk, vectors));
    }

    @Test
    void aVideoThatSaysTheSameThroughoutHasNoAside() {
        List<Sentence> talk = sentences(40);
        float[][] vectors = new float[40][];
        for (int i = 0; i < 40; i++) {
            vectors[i] = around(0, null, 0);
        }
        vectors[30] = around(0, new Random(1), NOISE);
        assertEquals(List.of(), Asides.find(talk, vectors));
    }

    @Test
    void aMinuteOfTalkIsTooShortToTell() {
        List<Sentence> talk = sentences(12);
        float[][] vectors = new float[12][];
        Random random = new Random(7);
        for (int i = 0; i < 12; i++) {
            vectors[i] = around(i >= 5 && i < 8 ? 1 : 0, random, NOISE);
        }
        assertEquals(List.of(), Asides.find(talk, vectors));
    }

    /** A unit vector near axis {@code topic}, with Gaussian noise of {@code sd} from {@code random} (none if null). */
    private static float[] around(int topic, Random random, double sd) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) ((d == topic ? 1.0 : 0.0) + (random == null ? 0 : sd * random.nextGaussian()));
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static List<Sentence> sentences(int n) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Duration start = Duration.ofMillis(5_000L * i);
            Duration end = start.plusMillis(4_500);
            out.add(new Sentence(i, start, end, "sentence " + i, List.of(new Word(start, end, "word"))));
        }
        return out;
    }
}
