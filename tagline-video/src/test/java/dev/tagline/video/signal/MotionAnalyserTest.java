package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionAnalyserTest {
    private static VideoFrame square(long index, int x) {
        int w = 64;
        int h = 36;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 10; y < 26; y++) {
            for (int i = x; i < x + 16; i++) {
                int p = (y * w + i) * 3;
                rgb[p] = rgb[p + 1] = rgb[p + 2] = (byte) 255;
            }
        }
        return new VideoFrame(index, Duration.ofMillis(index * 100), w, h, rgb);
    }

    @Test
    void stillFramesHaveNoMotionAndAMovingSquareHasSome() {
        MotionAnalyser analyser = new MotionAnalyser();
        for (int i = 0; i < 10; i++) {
            analyser.onFrame(square(i, 5));
        }
        for (int i = 10; i < 20; i++) {
            analyser.onFrame(square(i, 5 + 2 * (i - 9)));
        }
        analyser.finish(Duration.ofSeconds(2));
        TimeSeries motion = analyser.motion();
        assertEquals(8, motion.size());
        assertEquals(0.0, motion.max(Duration.ZERO, Duration.ofMillis(900)), 1e-9);
        assertTrue(motion.mean(Duration.ofMillis(1100), Duration.ofSeconds(2)) > 0.1, "moving square");
    }

    @Test
    void blurRadiusFollowsTheFrameWidth() {
        assertEquals(5, MotionAnalyser.radius(256), "sigma 9 at 400 px is about 5.8 at 256 px");
        assertEquals(2, MotionAnalyser.radius(128), "sigma 2.9 at 128 px");
    }

    @Test
    void thousandthsIsExactOverTheLumaRange() {
        for (int n = 0; n <= 255_500; n++) {
            if (MotionAnalyser.thousandths(n) != n / 1000) {
                assertEquals(n / 1000, MotionAnalyser.thousandths(n), "n = " + n);
            }
        }
    }

    @Test
    void blurMatchesThePlainBoxFilterWithClampedEdges() {
        Random random = new Random(7);
        int w = 37;
        int h = 23;
        int[] plane = new int[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextInt(256);
        }
        for (int r : new int[] {1, 2, 5, 11, 22, 40}) { // 11 and 22: windows as wide as the columns, the rows
            int[] expected = plane;
            for (int pass = 0; pass < 3; pass++) {
                expected = box(expected, w, h, r, true);
                expected = box(expected, w, h, r, false);
            }
            assertArrayEquals(expected, MotionAnalyser.blur(plane, w, h, r), "radius " + r);
        }
    }

    @Test
    void halfGreyIsTheGreyPlaneHalved() {
        Random random = new Random(11);
        int width = 46;
        int height = 30;
        byte[] rgb = new byte[width * height * 3];
        random.nextBytes(rgb);
        int[] expected = MotionAnalyser.halve(MotionAnalyser.grey(rgb), width, width / 2, height / 2);
        assertArrayEquals(expected, MotionAnalyser.halfGrey(rgb, width, width / 2, height / 2,
                new int[expected.length]));
    }

    @Test
    void reusedBuffersGiveTheSameMotionAsFreshAnalysers() {
        Random random = new Random(3);
        byte[][] frames = new byte[12][];
        frames[0] = new byte[64 * 36 * 3];
        random.nextBytes(frames[0]);
        for (int i = 1; i < frames.length; i++) {
            frames[i] = frames[i - 1].clone();
            for (int k = 0; k < 50 * i; k++) {
                frames[i][random.nextInt(frames[i].length)] = (byte) random.nextInt(256);
            }
        }
        MotionAnalyser reused = new MotionAnalyser(); // one frame per 250 ms tick: value i is frame i against i - 1
        for (int i = 0; i < frames.length; i++) {
            reused.onFrame(new VideoFrame(i, MotionAnalyser.STEP.multipliedBy(i), 64, 36, frames[i]));
        }
        reused.finish(MotionAnalyser.STEP.multipliedBy(frames.length));
        for (int i = 1; i < frames.length; i++) {
            MotionAnalyser fresh = new MotionAnalyser();
            fresh.onFrame(new VideoFrame(0, Duration.ZERO, 64, 36, frames[i - 1]));
            fresh.onFrame(new VideoFrame(1, Duration.ZERO, 64, 36, frames[i]));
            fresh.finish(MotionAnalyser.STEP);
            assertTrue(fresh.motion().values()[0] > 0, "frame " + i + " moved");
            assertEquals(fresh.motion().values()[0], reused.motion().values()[i], 1e-9, "frame " + i);
        }
    }

    @Test
    void aRepeatedPictureIsStillAndTheNextChangeCountsAgainstIt() {
        Random random = new Random(9);
        int size = VideoFrame.yuvSize(64, 36);
        byte[] a = new byte[size];
        random.nextBytes(a);
        byte[] b = a.clone();
        for (int k = 0; k < 300; k++) {
            b[random.nextInt(64 * 36)] = (byte) random.nextInt(256); // luma changes
        }
        byte[] chromaOnly = a.clone();
        chromaOnly[64 * 36 + 5] ^= 0x40; // a colour change: the grey picture is the same
        byte[][] frames = {a, a.clone(), chromaOnly, b, b.clone(), a.clone()};
        MotionAnalyser motion = new MotionAnalyser();
        for (int i = 0; i < frames.length; i++) {
            motion.onFrame(VideoFrame.yuv420(i, MotionAnalyser.STEP.multipliedBy(i), 64, 36, frames[i]));
        }
        motion.finish(MotionAnalyser.STEP.multipliedBy(frames.length));
        float[] values = motion.motion().values();
        for (int i : new int[] {1, 2, 4}) {
            assertEquals(0.0, values[i], 1e-9, "frame " + i + " shows the same grey picture");
        }
        for (int i : new int[] {3, 5}) { // each against the frame before, as a fresh analyser sees the pair
            MotionAnalyser fresh = new MotionAnalyser();
            fresh.onFrame(VideoFrame.yuv420(0, Duration.ZERO, 64, 36, frames[i - 1]));
            fresh.onFrame(VideoFrame.yuv420(1, Duration.ZERO, 64, 36, frames[i]));
            fresh.finish(MotionAnalyser.STEP);
            assertTrue(values[i] > 0, "frame " + i + " moved");
            assertEquals(fresh.motion().values()[0], values[i], 1e-9, "frame " + i);
        }
    }

    /** The definition: each output is the rounded mean of the 2r + 1 inputs around it, indices clamped. */
    private static int[] box(int[] in, int w, int h, int r, boolean rows) {
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = rows ? Math.max(0, Math.min(w - 1, x + k)) : x;
                    int yy = rows ? y : Math.max(0, Math.min(h - 1, y + k));
                    sum += in[yy * w + xx];
                }
                out[y * w + x] = (sum + (2 * r + 1) / 2) / (2 * r + 1);
            }
        }
        return out;
    }
}
