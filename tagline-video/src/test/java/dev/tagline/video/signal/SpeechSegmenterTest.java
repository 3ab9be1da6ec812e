package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {
    private static final Duration WINDOW = Duration.ofMillis(32);

    private static List<SpeechSegment> segment(SpeechSegmenter.Rules rules, double[]... runs) {
        SpeechSegmenter s = new SpeechSegmenter(rules, WINDOW);
        long n = 0;
        for (double[] run : runs) {
            for (int i = 0; i < (int) run[1]; i++) {
                s.accept(run[0]);
                n++;
            }
        }
        return s.finish(WINDOW.multipliedBy(n));
    }

    @Test
    void shortGapsStayInsideOneSegmentAndPadsApply() {
        // 100 windows silence (3.2 s), 100 speech, 20 quiet (0.64 s < 2 s min silence), 100 speech, 200 silence
        List<SpeechSegment> segments = segment(SpeechSegmenter.Rules.DEFAULT, new double[] {0.05, 100},
                new double[] {0.9, 100}, new double[] {0.1, 20}, new double[] {0.9, 100}, new double[] {0.05, 200});
        assertEquals(1, segments.size(), segments.toString());
        assertEquals(Duration.ofMillis(3200 - 400), segments.get(0).start());
        assertEquals(Duration.ofMillis(32 * 320 + 400), segments.get(0).end());
    }

    @Test
    void longSilenceSplitsAndCloseSegmentsShareTheGap() {
        SpeechSegmenter.Rules rules = new SpeechSegmenter.Rules(0.5, Duration.ofMillis(250), Duration.ofMillis(300),
                Duration.ofMillis(400));
        // speech 0..3.2 s, silence 0.64 s (< 2 pads), speech 3.84..7.04 s
        List<SpeechSegment> segments = segment(rules, new double[] {0.9, 100}, new double[] {0.1, 20},
                new double[] {0.9, 100});
        assertEquals(2, segments.size(), segments.toString());
        assertEquals(Duration.ofMillis(3200 + 320), segments.get(0).end());
        assertEquals(segments.get(0).end(), segments.get(1).start());
        assertEquals(Duration.ofMillis(7040), segments.get(1).end(), "clamped to the end");
    }

    @Test
    void blipsShorterThanMinimumSpeechAreDropped() {
        assertEquals(List.of(), segment(SpeechSegmenter.Rules.DEFAULT, new double[] {0.1, 50},
                new double[] {0.9, 5}, new double[] {0.1, 100}));
    }

    @Test
    void hysteresisKeepsSpeechBetweenThresholdAndMinus015() {
        List<SpeechSegment> segments = segment(SpeechSegmenter.Rules.DEFAULT, new double[] {0.9, 50},
                new double[] {0.4, 200}, new double[] {0.1, 100});
        assertEquals(Duration.ofMillis(32 * 250 + 400), segments.get(0).end());
    }
}
