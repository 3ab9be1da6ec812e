package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a long video is split for parallel analysis, and how the parts' series are joined. */
class StretchesTest {
    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void oneStretchPerCoreOnWholeSecondsNoneShorterThanTheMinimum() {
        assertEquals(List.of(s(0), s(1800)), DecodingPass.stretches(s(3600), 2));
        assertEquals(List.of(s(0), s(900), s(1800), s(2700)), DecodingPass.stretches(s(3600), 16), "at most 4");
        assertEquals(List.of(s(0)), DecodingPass.stretches(s(3600), 1), "one core: one pass");
        assertEquals(List.of(s(0)), DecodingPass.stretches(Duration.ofMillis(239_999), 2), "under 2 x 2 min");
        assertEquals(List.of(s(0), s(120)), DecodingPass.stretches(s(240), 2));
        assertEquals(List.of(s(0), s(166), s(333)), DecodingPass.stretches(Duration.ofMillis(500_500), 3));
        assertEquals(List.of(s(0)), DecodingPass.stretches(Duration.ZERO, 8));
    }

    @Test
    void decoderThreadsShareTheCores() {
        assertEquals(1, DecodingPass.decoderThreads(2, 2));
        assertEquals(4, DecodingPass.decoderThreads(16, 4));
        assertEquals(1, DecodingPass.decoderThreads(3, 4));
    }

    @Test
    void spliceTakesEachTickFromThePartThatCoversIt() {
        Duration step = Duration.ofMillis(250);
        TimeSeries a = new TimeSeries(step, new float[] {1, 2, 3, 4, 5, 6});
        TimeSeries b = new TimeSeries(step, new float[] {0, 0, 0, 40, 50, 60, 70, 80});
        TimeSeries c = new TimeSeries(step, new float[] {0, 0, 0, 0, 0, 0, 700, 800, 900});
        TimeSeries joined = TimeSeries.splice(List.of(a, b, c), List.of(Duration.ZERO, Duration.ofMillis(750),
                Duration.ofMillis(1500)));
        assertArrayEquals(new float[] {1, 2, 3, 40, 50, 60, 700, 800, 900}, joined.values());
        assertEquals(step, joined.step());
        assertArrayEquals(new float[] {1, 2}, TimeSeries.splice(List.of(new TimeSeries(step, new float[] {1, 2})),
                List.of(Duration.ZERO)).values());
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.splice(List.of(a, b),
                List.of(Duration.ZERO, Duration.ofMillis(100))), "a start between ticks");
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.splice(List.of(a), List.of()));
    }
}
