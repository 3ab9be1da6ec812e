package dev.tagline.inference.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SileroChunkerTest {
    /** Records every input and state it sees; returns state[0] + 1 as the new state and 0.9 as the probability. */
    static final class FakeModel implements SileroChunker.ChunkModel {
        final List<float[]> inputs = new ArrayList<>();
        final List<float[]> states = new ArrayList<>();

        @Override
        public float speechProbability(float[] input, float[] state) {
            inputs.add(input.clone());
            states.add(state.clone());
            Arrays.fill(state, state[0] + 1);
            return 0.9f;
        }
    }

    static float[] ramp(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    @Test
    void eachCallGetsTheLast64SamplesOfThePreviousInputInFrontAndTheCarriedState() {
        FakeModel model = new FakeModel();
        SileroChunker stream = new SileroChunker(model, SpeechSettings.DEFAULTS);
        float[] pcm = ramp(1024);
        stream.accept(pcm, 0, 300); // pieces that do not line up with chunks
        stream.accept(pcm, 300, 724);
        assertEquals(2, model.inputs.size());
        float[] first = model.inputs.get(0);
        assertEquals(576, first.length);
        assertArrayEquals(new float[64], Arrays.copyOf(first, 64)); // zeros on the first call
        assertEquals(0f, first[64]);
        float[] second = model.inputs.get(1);
        assertEquals(448f, second[0]); // samples 448..511 of the first chunk
        assertEquals(511f, second[63]);
        assertEquals(512f, second[64]);
        assertEquals(0f, model.states.get(0)[255]);
        assertEquals(1f, model.states.get(1)[255]); // stateN of call 1 fed to call 2
    }

    @Test
    void finishZeroPadsAPartialChunkAndClosesTheStream() {
        FakeModel model = new FakeModel();
        SileroChunker stream = new SileroChunker(model, new SpeechSettings(0.5, 0.35, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(30)));
        stream.accept(ramp(600));
        List<SpeechSegment> segments = stream.finish();
        assertEquals(2, model.inputs.size());
        assertEquals(599f, model.inputs.get(1)[64 + 87]);
        assertEquals(0f, model.inputs.get(1)[64 + 88]);
        assertEquals(List.of(new SpeechSegment(0, 600)), segments);
        assertArrayEquals(new float[] {0.9f, 0.9f}, stream.probabilities());
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[1]));
    }
}
