package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoudnessAnalyserTest {
    @Test
    void kWeightingAt48kHzMatchesTheBs1770Tables() {
        KWeighting k = new KWeighting(48_000);
        // ITU-R BS.1770-4 Table 1 (stage 1) and Table 2 (stage 2)
        assertEquals(1.53512485958697, field(k, "b0"), 1e-8);
        assertEquals(-2.69169618940638, field(k, "b1"), 1e-8);
        assertEquals(1.19839281085285, field(k, "b2"), 1e-8);
        assertEquals(-1.69065929318241, field(k, "a1"), 1e-8);
        assertEquals(0.73248077421585, field(k, "a2"), 1e-8);
        assertEquals(-1.99004745483398, field(k, "c1"), 1e-8);
        assertEquals(0.99007225036621, field(k, "c2"), 1e-8);
    }

    private static double field(KWeighting k, String name) {
        try {
            var f = KWeighting.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.getDouble(k);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fullScaleSineAt1kHzReadsMinus3Lufs() {
        // BS.1770-4 §2.1: a 0 dBFS 1 kHz sine in one channel reads -3.01 LKFS
        LoudnessAnalyser analyser = new LoudnessAnalyser();
        Synth.feed(analyser, Synth.sine(997, 1.0, 5));
        TimeSeries st = analyser.shortTerm();
        assertEquals(50, st.size());
        assertEquals(-3.01, st.get(st.size() - 1), 0.1);
    }

    @Test
    void twentyDbQuieterReadsTwentyLuLower() {
        LoudnessAnalyser analyser = new LoudnessAnalyser();
        Synth.feed(analyser, Synth.sine(997, 0.1, 4));
        TimeSeries st = analyser.shortTerm();
        assertEquals(-23.01, st.get(st.size() - 1), 0.1);
    }

    @Test
    void threeSecondWindowForgetsTheTone() {
        LoudnessAnalyser analyser = new LoudnessAnalyser();
        Synth.feed(analyser, Synth.concat(Synth.sine(997, 1.0, 3), Synth.silence(3.5)));
        TimeSeries st = analyser.shortTerm();
        assertEquals(-3.01, st.get(29), 0.1);
        assertEquals(-3.01 - 10 * Math.log10(2), st.get(44), 0.15, "half the window holds the tone");
        assertEquals(LoudnessAnalyser.ABSOLUTE_GATE_LUFS, st.get(st.size() - 1), 1e-9);
    }
}
