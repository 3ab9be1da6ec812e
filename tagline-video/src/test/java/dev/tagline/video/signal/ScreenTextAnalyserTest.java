package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change logic with a scripted reader standing in for OCR: which frames are read, and what counts as new. */
class ScreenTextAnalyserTest {
    @Test
    void readsEveryIntervalAndAtCutsAndReportsNewText() {
        Map<Long, List<String>> script = Map.of(0L, List.of("Intro to Git"), 50L, List.of("intro to git!"),
                60L, List.of("Branches and merges"), 100L, List.of("Branches and merges", "git switch -c"));
        List<Long> read = new ArrayList<>();
        ScreenTextReader reader = frame -> {
            read.add(frame.index());
            return script.getOrDefault(frame.index(), List.of());
        };
        SceneCutAnalyser cuts = new SceneCutAnalyser();
        ScreenTextAnalyser text = new ScreenTextAnalyser(reader, cuts, Duration.ofSeconds(2));
        for (int i = 0; i < 120; i++) {
            VideoFrame frame = i < 60 ? Synth.solid(i, 25, 200, 30, 30) : Synth.solid(i, 25, 30, 30, 200);
            cuts.onFrame(frame);
            text.onFrame(frame);
        }
        assertEquals(List.of(0L, 50L, 60L, 110L), read, "every 2 s at 25 fps, and at the cut at frame 60");
        List<ScreenTextAnalyser.TextChange> changes = text.changes();
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(Duration.ZERO, changes.get(0).time());
        assertEquals(Duration.ofMillis(2400), changes.get(1).time());
    }
}
