package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    // classes: 0 blank, 1 'a', 2 'b', 3 'l', 4 space
    final CtcDecoder decoder = new CtcDecoder(List.of("a", "b", "l"));

    static float[] steps(int classes, int[] argmax, float p) {
        float[] out = new float[argmax.length * classes];
        for (int t = 0; t < argmax.length; t++) {
            for (int c = 0; c < classes; c++) {
                out[t * classes + c] = (1 - p) / (classes - 1);
            }
            out[t * classes + argmax[t]] = p;
        }
        return out;
    }

    @Test
    void collapsesRepeatsDropsBlanksAndKeepsDoubleLettersSplitByABlank() {
        assertEquals(5, decoder.classCount());
        float[] probs = steps(5, new int[] {0, 2, 2, 1, 0, 3, 3, 0, 3, 4, 1, 0}, 0.9f);
        CtcDecoder.Decoded d = decoder.decode(probs, 0, 12);
        assertEquals("ball a", d.text());
        assertEquals(0.9, d.confidence(), 1e-6);
        assertArrayEquals(new int[] {1, 3, 5, 8, 9, 10}, d.steps());
    }

    @Test
    void decodesFromAnOffsetAndGivesZeroConfidenceToNothing() {
        float[] two = new float[2 * 3 * 5];
        System.arraycopy(steps(5, new int[] {0, 0, 0}, 0.8f), 0, two, 0, 15);
        System.arraycopy(steps(5, new int[] {1, 0, 2}, 0.6f), 0, two, 15, 15);
        assertEquals(new CtcDecoder.Decoded("", 0, new int[0]).text(), decoder.decode(two, 0, 3).text());
        assertEquals(0, decoder.decode(two, 0, 3).confidence());
        assertEquals("ab", decoder.decode(two, 15, 3).text());
    }
}
