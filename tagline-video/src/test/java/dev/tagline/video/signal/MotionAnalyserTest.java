package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
}
