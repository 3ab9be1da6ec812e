package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** YUV 4:2:0 frames as the decoding pass reads them, and their conversion to RGB. */
class VideoFrameTest {
    @Test
    void bt601LimitedRangeGivesThePrimaries() {
        // BT.601 limited-range codes of black, white and the primaries (ITU-R BT.601 Table 3; 75 % bars aside)
        assertEquals(0x000000, VideoFrame.rgbOf(16, 128, 128));
        assertEquals(0xffffff, VideoFrame.rgbOf(235, 128, 128));
        assertClose(0xff0000, VideoFrame.rgbOf(81, 90, 240));
        assertClose(0x00ff00, VideoFrame.rgbOf(145, 54, 34));
        assertClose(0x0000ff, VideoFrame.rgbOf(41, 240, 110));
        assertEquals(0x000000, VideoFrame.rgbOf(0, 128, 128), "below black clips");
        assertEquals(0xffffff, VideoFrame.rgbOf(255, 128, 128), "above white clips");
    }

    @Test
    void aYuvFrameConvertsOnceAndKeepsItsPlanes() {
        byte[] yuv = new byte[VideoFrame.yuvSize(4, 2)];
        java.util.Arrays.fill(yuv, 0, 8, (byte) 235);
        java.util.Arrays.fill(yuv, 8, 12, (byte) 128);
        VideoFrame frame = VideoFrame.yuv420(3, Duration.ofMillis(120), 4, 2, yuv);
        assertSame(yuv, frame.yuv420().orElseThrow());
        byte[] rgb = frame.rgb();
        assertEquals(4 * 2 * 3, rgb.length);
        for (byte b : rgb) {
            assertEquals((byte) 255, b);
        }
        assertSame(rgb, frame.rgb(), "converted once");
        assertTrue(new VideoFrame(0, Duration.ZERO, 4, 2, rgb).yuv420().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.yuv420(0, Duration.ZERO, 3, 2, new byte[9]));
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.yuv420(0, Duration.ZERO, 4, 2, new byte[11]));
    }

    @Test
    void chromaIsUpsampledSmoothlyAcrossBlocks() {
        // 8x2: the left two chroma blocks red, the right two blue; one row of blocks
        int w = 8;
        int h = 2;
        byte[] yuv = new byte[VideoFrame.yuvSize(w, h)];
        java.util.Arrays.fill(yuv, 0, w * h, (byte) 100);
        int u = w * h;
        int v = u + w * h / 4;
        for (int bx = 0; bx < 4; bx++) {
            yuv[u + bx] = (byte) (bx < 2 ? 90 : 240);
            yuv[v + bx] = (byte) (bx < 2 ? 240 : 110);
        }
        byte[] rgb = VideoFrame.toRgb(yuv, w, h);
        // x = 0..2: nearest and neighbour blocks both red; x = 3: 3/4 red + 1/4 blue; x = 4: 3/4 blue + 1/4 red
        assertEquals(VideoFrame.rgbOf(100, 90, 240), pixel(rgb, 0));
        assertEquals(VideoFrame.rgbOf(100, 90, 240), pixel(rgb, 2));
        assertEquals(VideoFrame.rgbOf(100, (3 * 90 + 240 + 2) / 4, (3 * 240 + 110 + 2) / 4), pixel(rgb, 3));
        assertEquals(VideoFrame.rgbOf(100, (3 * 240 + 90 + 2) / 4, (3 * 110 + 240 + 2) / 4), pixel(rgb, 4));
        assertEquals(VideoFrame.rgbOf(100, 240, 110), pixel(rgb, 7));
    }

    @Test
    void aFlatFrameConvertsLikeOnePixel() {
        Random random = new Random(3);
        for (int n = 0; n < 100; n++) {
            int y = random.nextInt(256);
            int cb = random.nextInt(256);
            int cr = random.nextInt(256);
            byte[] yuv = new byte[VideoFrame.yuvSize(6, 4)];
            java.util.Arrays.fill(yuv, 0, 24, (byte) y);
            java.util.Arrays.fill(yuv, 24, 30, (byte) cb);
            java.util.Arrays.fill(yuv, 30, 36, (byte) cr);
            byte[] rgb = VideoFrame.toRgb(yuv, 6, 4);
            for (int i = 0; i < 24; i++) {
                assertEquals(VideoFrame.rgbOf(y, cb, cr), pixel(rgb, i));
            }
        }
    }

    @Test
    void theDecodingQueueHoldsAboutAThirdOfAMinuteOfSmallFrames() {
        int small = VideoFrame.yuvSize(256, 144);
        assertTrue(DecodingPass.queueItems(small) >= 500, "an OCR reading's worth of frames and more");
        assertTrue((long) DecodingPass.queueItems(small) * small <= DecodingPass.QUEUE_BYTES);
        assertEquals(DecodingPass.MIN_QUEUE_ITEMS, DecodingPass.queueItems(VideoFrame.yuvSize(3840, 2160)));
        assertEquals(DecodingPass.MIN_QUEUE_ITEMS, DecodingPass.queueItems(0), "audio only");
    }

    static int pixel(byte[] rgb, int i) {
        return (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | rgb[3 * i + 2] & 0xff;
    }

    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xff;
            int a = actual >> shift & 0xff;
            assertTrue(Math.abs(e - a) <= 2, String.format("expected %06x, got %06x", expected, actual));
        }
    }

    /** A yuv420p frame of random bytes. */
    static byte[] randomYuv(Random random, int w, int h) {
        byte[] yuv = new byte[VideoFrame.yuvSize(w, h)];
        random.nextBytes(yuv);
        return yuv;
    }

    @Test
    void sceneCutsOnYuvScoreTheHsvOfEachPixelWithItsBlocksChroma() {
        Random random = new Random(11);
        int w = 32;
        int h = 18;
        byte[] before = randomYuv(random, w, h);
        byte[] after = before.clone();
        for (int k = 0; k < 60; k++) {
            after[random.nextInt(after.length)] = (byte) random.nextInt(256); // some Y, some chroma
        }
        byte[] hsv = new byte[w * h * 3];
        assertEquals(0.0, SceneCutAnalyser.hsvAndScoreYuv(before, null, hsv, w, h), "the first frame");
        byte[] previousHsv = SceneCutAnalyser.hsv(nearestRgb(before, w, h));
        assertArrayEquals(previousHsv, hsv);
        double score = SceneCutAnalyser.hsvAndScoreYuv(after, before, hsv, w, h);
        byte[] expected = SceneCutAnalyser.hsv(nearestRgb(after, w, h));
        assertArrayEquals(expected, hsv, "updated in place");
        assertEquals(SceneCutAnalyser.score(previousHsv, expected), score, 1e-12);
        assertTrue(score > 0);
    }

    /** Reference: every pixel converted with its own 2x2 block's chroma. */
    static byte[] nearestRgb(byte[] yuv, int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = (y / 2) * (w / 2) + x / 2;
                int p = VideoFrame.rgbOf(yuv[y * w + x] & 0xff, yuv[w * h + c] & 0xff, yuv[w * h * 5 / 4 + c] & 0xff);
                int o = 3 * (y * w + x);
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return rgb;
    }

    @Test
    void motionOnYuvReadsTheLumaPlaneAsTheGreyOfTheRgb() {
        assertEquals(0, MotionAnalyser.FULL_RANGE[16]);
        assertEquals(255, MotionAnalyser.FULL_RANGE[235]);
        assertEquals(0, MotionAnalyser.FULL_RANGE[3]);
        assertEquals(255, MotionAnalyser.FULL_RANGE[250]);
        Random random = new Random(5);
        int w = 32;
        int h = 18;
        // colours inside the RGB cube (Y 40-215, chroma within 10 of grey): no channel clips
        byte[] yuv = new byte[VideoFrame.yuvSize(w, h)];
        for (int i = 0; i < yuv.length; i++) {
            yuv[i] = (byte) (i < w * h ? 40 + random.nextInt(176) : 128 + random.nextInt(21) - 10);
        }
        int[] fromY = MotionAnalyser.halfLuma(yuv, w, w / 2, h / 2, new int[w * h / 4]);
        int[] fromRgb = MotionAnalyser.halfGrey(nearestRgb(yuv, w, h), w, w / 2, h / 2, new int[w * h / 4]);
        for (int i = 0; i < fromY.length; i++) {
            assertTrue(Math.abs(fromY[i] - fromRgb[i]) <= 1, i + ": " + fromY[i] + " vs " + fromRgb[i]);
        }
    }
}
