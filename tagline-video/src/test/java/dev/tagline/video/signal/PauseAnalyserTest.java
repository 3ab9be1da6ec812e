package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PauseAnalyserTest {
    @Test
    void findsPausesAtLeastHalfASecondLong() {
        PauseAnalyser analyser = new PauseAnalyser();
        Synth.feed(analyser, Synth.concat(Synth.sine(300, 0.5, 1), Synth.silence(0.8), Synth.sine(300, 0.5, 1),
                Synth.silence(0.3), Synth.sine(300, 0.5, 1), Synth.silence(0.6)));
        List<Pause> pauses = analyser.pauses();
        assertEquals(2, pauses.size(), pauses.toString());
        assertEquals(1.0, pauses.get(0).start().toMillis() / 1000.0, 0.011);
        assertEquals(1.8, pauses.get(0).end().toMillis() / 1000.0, 0.011);
        assertEquals(4.1, pauses.get(1).start().toMillis() / 1000.0, 0.011);
        assertEquals(Duration.ofMillis(4700), pauses.get(1).end(), "a pause running to the end is closed");
    }

    @Test
    void quietNoiseBelowTheLevelIsStillAPause() {
        PauseAnalyser analyser = new PauseAnalyser(-35, Duration.ofMillis(500));
        Synth.feed(analyser, Synth.concat(Synth.sine(300, 0.5, 1), Synth.sine(300, 0.01, 1), Synth.sine(300, 0.5, 1)));
        assertEquals(1, analyser.pauses().size());
    }
}
