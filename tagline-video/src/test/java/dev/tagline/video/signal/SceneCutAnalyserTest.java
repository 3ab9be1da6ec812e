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

    @Test
    void theOnePassScoreEqualsConvertingEveryPixelAndScoring() {
        java.util.Random random = new java.util.Random(5);
        byte[] before = new byte[300 * 3];
        random.nextBytes(before);
        byte[] after = before.clone();
        for (int i = 0; i < after.length; i += 3) {
            if (random.nextBoolean()) { // half the pixels change, as between two frames of a video
                after[i] = (byte) random.nextInt(256);
                after[i + 1] = (byte) random.nextInt(256);
                after[i + 2] = (byte) random.nextInt(256);
            }
        }
        byte[] previousHsv = SceneCutAnalyser.hsv(before);
        byte[] out = new byte[after.length];
        double score = SceneCutAnalyser.hsvAndScore(after, before, previousHsv, out);
        assertEquals(SceneCutAnalyser.score(previousHsv, SceneCutAnalyser.hsv(after)), score, 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(SceneCutAnalyser.hsv(after), out);
        assertTrue(score > 10, "the changed pixels count: " + score);
    }

    @Test
    void hsvMatchesOpenCvsFormulaForEveryColour() {
        byte[] rgb = new byte[3 * 256 * 256];
        for (int r = 0; r < 256; r++) {
            for (int i = 0, gb = 0; gb < 65536; gb++, i += 3) {
                rgb[i] = (byte) r;
                rgb[i + 1] = (byte) (gb >> 8);
                rgb[i + 2] = (byte) gb;
            }
            byte[] hsv = SceneCutAnalyser.hsv(rgb);
            for (int i = 0; i < rgb.length; i += 3) {
                int g = rgb[i + 1] & 0xff;
                int b = rgb[i + 2] & 0xff;
                int v = Math.max(r, Math.max(g, b));
                int diff = v - Math.min(r, Math.min(g, b));
                // color_hsv.simd.hpp, in floating point: S = 255 diff / V, H = 30 (G - B) / diff (+ 60, 120 ...)
                double h = diff == 0 ? 0 : v == r ? 30.0 * (g - b) / diff : v == g ? 60 + 30.0 * (b - r) / diff
                        : 120 + 30.0 * (r - g) / diff;
                h = h < 0 ? h + 180 : h;
                double s = v == 0 ? 0 : 255.0 * diff / v;
                if (Math.abs((hsv[i] & 0xff) - h) > 1 && Math.abs((hsv[i] & 0xff) - h) < 179
                        || Math.abs((hsv[i + 1] & 0xff) - s) > 1 || (hsv[i + 2] & 0xff) != v) {
                    org.junit.jupiter.api.Assertions.fail("rgb " + r + "," + g + "," + b + ": expected about " + h
                            + ", " + s + ", " + v + ", got " + (hsv[i] & 0xff) + ", " + (hsv[i + 1] & 0xff) + ", "
                            + (hsv[i + 2] & 0xff));
                }
            }
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
