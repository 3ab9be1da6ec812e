package dev.tagline.inference.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {
    static final int CHUNK = 512;

    /** Feeds one probability per 512-sample chunk. */
    static List<SpeechSegment> run(SpeechSettings settings, double... probs) {
        SpeechSegmenter s = new SpeechSegmenter(settings);
        for (int i = 0; i < probs.length; i++) {
            s.accept((float) probs[i], (long) i * CHUNK);
        }
        return s.finish((long) probs.length * CHUNK);
    }

    static double[] pattern(int silentBefore, int speech, int silentAfter) {
        double[] p = new double[silentBefore + speech + silentAfter];
        for (int i = silentBefore; i < silentBefore + speech; i++) {
            p[i] = 0.9;
        }
        return p;
    }

    @Test
    void aSpeechRunBecomesOneSegmentPaddedBy30Ms() {
        // speech in chunks 10..29, then 10 silent chunks (320 ms ≥ 100 ms min silence)
        List<SpeechSegment> out = run(SpeechSettings.DEFAULTS, pattern(10, 20, 10));
        assertEquals(List.of(new SpeechSegment(10 * CHUNK - 480, 30 * CHUNK + 480)), out);
        assertEquals(Duration.ofMillis(290), out.get(0).start());
    }

    @Test
    void shortDipsBelowTheNegativeThresholdDoNotSplitASegment() {
        double[] p = pattern(5, 30, 10);
        p[15] = 0.1; // 32 ms < 100 ms
        p[16] = 0.1;
        p[20] = 0.4; // between neg threshold (0.35) and threshold: no end
        assertEquals(1, run(SpeechSettings.DEFAULTS, p).size());
    }

    @Test
    void aLongEnoughSilenceSplitsAndTheEndIsWhereTheSilenceBegan() {
        double[] p = pattern(5, 30, 10);
        for (int i = 15; i < 20; i++) {
            p[i] = 0.05; // 160 ms of silence
        }
        List<SpeechSegment> out = run(new SpeechSettings(0.5, 0.35, Duration.ofMillis(250), Duration.ofMillis(100),
                Duration.ZERO), p);
        assertEquals(List.of(new SpeechSegment(5 * CHUNK, 15 * CHUNK), new SpeechSegment(20 * CHUNK, 35 * CHUNK)), out);
    }

    @Test
    void segmentsShorterThanMinSpeechAreDropped() {
        assertEquals(List.of(), run(SpeechSettings.DEFAULTS, pattern(5, 7, 10))); // 224 ms < 250 ms
        assertEquals(1, run(SpeechSettings.DEFAULTS, pattern(5, 8, 10)).size()); // 256 ms
    }

    @Test
    void paddingIsClampedToNeighboursAndTheStream() {
        SpeechSettings wide = new SpeechSettings(0.5, 0.35, Duration.ofMillis(250), Duration.ofMillis(100),
                Duration.ofMillis(500));
        double[] p = pattern(2, 10, 0);
        double[] joined = new double[40];
        System.arraycopy(p, 0, joined, 0, p.length);
        for (int i = 20; i < 30; i++) {
            joined[i] = 0.9;
        }
        List<SpeechSegment> out = run(wide, joined);
        assertEquals(0, out.get(0).startSample());
        assertEquals(20 * CHUNK, out.get(0).endSample()); // clamped to the next segment's start
        assertEquals(12 * CHUNK, out.get(1).startSample()); // clamped to the previous end
        assertEquals(40 * CHUNK, out.get(1).endSample()); // clamped to the stream
    }

    @Test
    void speechStillOpenAtTheEndIsClosedThere() {
        assertEquals(List.of(new SpeechSegment(5 * CHUNK - 480, 20 * CHUNK)),
                run(SpeechSettings.DEFAULTS, pattern(5, 15, 0)));
    }

    @Test
    void negativeThresholdDefaultsToThresholdMinus015AndIsValidated() {
        assertEquals(0.35, SpeechSettings.DEFAULTS.negThreshold(), 1e-9);
        assertEquals(0.01, SpeechSettings.of(0.1).negThreshold(), 1e-9);
        assertThrows(TaglineException.class, () -> new SpeechSettings(0.5, 0.6, Duration.ZERO, Duration.ZERO,
                Duration.ZERO));
    }
}
