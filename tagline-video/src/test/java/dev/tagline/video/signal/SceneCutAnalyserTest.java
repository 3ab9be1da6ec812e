package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneCutAnalyserTest {
    @Test
    void hsvMatchesOpenCvEightBit() {
        byte[] hsv = SceneCutAnalyser.hsv(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255,
                (byte) 128, 64, 32, 0, 0, 0});
        int[] expected = {0, 255, 255, 60, 255, 255, 120, 255, 255, 10, 191, 128, 0, 0, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], hsv[i] & 0xff, "component " + i);
        }
    }

    private static List<Duration> run(SceneCutAnalyser analyser, int[][] colours) {
        for (int i = 0; i < colours.length; i++) {
            analyser.onFrame(Synth.solid(i, 25, colours[i][0], colours[i][1], colours[i][2]));
        }
        analyser.finish(Duration.ofMillis(colours.length * 40L));
        return analyser.cuts();
    }

    private static int[][] frames(int n, int r, int g, int b) {
        int[][] out = new int[n][];
        java.util.Arrays.fill(out, new int[] {r, g, b});
        return out;
    }

    private static int[][] join(int[][]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(int[][]::new);
    }

    @Test
    void hardCutIsTheFirstFrameOfTheNewScene() {
        List<Duration> cuts = run(new SceneCutAnalyser(), join(frames(30, 200, 30, 30), frames(30, 30, 30, 200)));
        assertEquals(List.of(Duration.ofMillis(1200)), cuts);
    }

    @Test
    void aCutWithinTheMinimumSceneLengthOfTheStartIsIgnored() {
        List<Duration> cuts = run(new SceneCutAnalyser(), join(frames(10, 200, 30, 30), frames(30, 30, 30, 200)));
        assertTrue(cuts.isEmpty(), cuts.toString());
    }

    @Test
    void aFlashFrameIsOneCutNotTwo() {
        // PySceneDetect MERGE: the cut into the white frame stands, the return 1 frame later is merged into it
        List<Duration> cuts = run(new SceneCutAnalyser(), join(frames(20, 200, 30, 30), frames(20, 30, 30, 200),
                frames(1, 255, 255, 255), frames(40, 30, 30, 200)));
        assertEquals(List.of(Duration.ofMillis(800), Duration.ofMillis(1600)), cuts);
    }

    @Test
    void smallChangesStayBelowTheThreshold() {
        SceneCutAnalyser analyser = new SceneCutAnalyser();
        List<Duration> cuts = run(analyser, join(frames(20, 100, 100, 100), frames(20, 110, 105, 100)));
        assertTrue(cuts.isEmpty());
        assertTrue(analyser.lastScore() < SceneCutAnalyser.DEFAULT_THRESHOLD);
    }
}
