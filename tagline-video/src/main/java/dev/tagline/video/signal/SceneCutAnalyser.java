package dev.tagline.video.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Hard cuts, PySceneDetect's {@code ContentDetector} ({@code scenedetect/detectors/content_detector.py}; video.md
 * §9): each frame is converted to HSV exactly as OpenCV's 8-bit {@code COLOR_RGB2HSV} does (H 0–179, S and V
 * 0–255), the frame score is the weighted mean of the per-channel mean absolute differences to the previous frame
 * (weights hue/sat/lum/edges 1, 1, 1, 0, so edges are not computed), and a score ≥ the threshold (27.0) is a cut,
 * passed through the {@link FlashFilter} with the minimum scene length (15 frames). A cut's time is the first frame
 * of the new scene. Memory: the previous frame's HSV planes.
 */
public final class SceneCutAnalyser implements SignalAnalyser {
    /** PySceneDetect ContentDetector default threshold. */
    public static final double DEFAULT_THRESHOLD = 27.0;
    /** PySceneDetect ContentDetector default {@code min_scene_len}, in frames of the analysed stream. */
    public static final int DEFAULT_MIN_SCENE_FRAMES = 15;

    private final double threshold;
    private final FlashFilter filter;
    private final List<Duration> cuts = new ArrayList<>();
    private final List<Duration> frameTimes = new ArrayList<>();
    private final int lengthFrames;
    private long firstIndex = -1;
    private byte[] previous;
    private byte[] spare; // the HSV buffer before the previous one, reused: no 110 KB array per frame
    private byte[] previousRgb;
    private double lastScore;

    public SceneCutAnalyser() {
        this(DEFAULT_THRESHOLD, DEFAULT_MIN_SCENE_FRAMES);
    }

    public SceneCutAnalyser(double threshold, int minSceneFrames) {
        this.threshold = threshold;
        this.lengthFrames = minSceneFrames;
        this.filter = new FlashFilter(minSceneFrames);
    }

    @Override
    public void onFrame(VideoFrame frame) {
        byte[] rgb = frame.rgb();
        byte[] hsv = spare != null && spare.length == rgb.length ? spare : new byte[rgb.length];
        if (previous == null || previous.length != rgb.length) {
            hsv(rgb, hsv);
            lastScore = 0.0;
        } else {
            lastScore = hsvAndScore(rgb, previousRgb, previous, hsv);
        }
        spare = previous;
        previous = hsv;
        previousRgb = rgb;
        rememberTime(frame);
        OptionalLong cut = filter.filter(frame.index(), lastScore >= threshold);
        cut.ifPresent(i -> cuts.add(timeOf(i)));
    }

    /** Keeps the times of the last {@code lengthFrames + 1} frames: a merged cut is reported that far behind. */
    private void rememberTime(VideoFrame frame) {
        if (firstIndex < 0) {
            firstIndex = frame.index();
        }
        frameTimes.add(frame.time());
        if (frameTimes.size() > lengthFrames + 2) {
            frameTimes.remove(0);
            firstIndex++;
        }
    }

    private Duration timeOf(long index) {
        int i = (int) (index - firstIndex);
        return frameTimes.get(Math.max(0, Math.min(frameTimes.size() - 1, i)));
    }

    /** The score of the last frame against the one before (PySceneDetect's {@code content_val}). */
    double lastScore() {
        return lastScore;
    }

    /** The cuts found so far, in time order. */
    public List<Duration> cuts() {
        return List.copyOf(cuts);
    }

    /** Weighted mean of the channel distances; weights 1, 1, 1 (edges 0) so the mean of the three. */
    static double score(byte[] a, byte[] b) {
        long h = 0;
        long sat = 0;
        long v = 0;
        for (int i = 0; i < a.length; i += 3) {
            h += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            sat += Math.abs((a[i + 1] & 0xff) - (b[i + 1] & 0xff));
            v += Math.abs((a[i + 2] & 0xff) - (b[i + 2] & 0xff));
        }
        double pixels = a.length / 3.0;
        return (h / pixels + sat / pixels + v / pixels) / 3.0;
    }

    /**
     * {@code score(previousHsv, hsv(rgb))}, with {@code hsv(rgb)} written to {@code out}, in one pass that converts
     * only the pixels whose RGB differs from {@code previousRgb}: the others keep their HSV and add nothing to the
     * distance. Most pixels of consecutive frames are identical (86% on the benchmark video; more on screen
     * recordings), and the conversion was the analyser's hottest loop. Same result as the two steps.
     */
    static double hsvAndScore(byte[] rgb, byte[] previousRgb, byte[] previousHsv, byte[] out) {
        int half = 1 << (HSV_SHIFT - 1);
        long h = 0;
        long sat = 0;
        long v = 0;
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            byte r8 = rgb[i];
            byte g8 = rgb[i + 1];
            byte b8 = rgb[i + 2];
            if (r8 == previousRgb[i] && g8 == previousRgb[i + 1] && b8 == previousRgb[i + 2]) {
                out[i] = previousHsv[i];
                out[i + 1] = previousHsv[i + 1];
                out[i + 2] = previousHsv[i + 2];
                continue;
            }
            int r = r8 & 0xff;
            int g = g8 & 0xff;
            int b = b8 & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int diff = max - Math.min(r, Math.min(g, b));
            int raw = max == r ? g - b : max == g ? b - r + 2 * diff : r - g + 4 * diff;
            int hue = (raw * HDIV[diff] + half) >> HSV_SHIFT;
            hue = hue < 0 ? hue + 180 : hue;
            int s = (diff * SDIV[max] + half) >> HSV_SHIFT;
            out[i] = (byte) hue;
            out[i + 1] = (byte) s;
            out[i + 2] = (byte) max;
            h += Math.abs(hue - (previousHsv[i] & 0xff));
            sat += Math.abs(s - (previousHsv[i + 1] & 0xff));
            v += Math.abs(max - (previousHsv[i + 2] & 0xff));
        }
        double pixels = rgb.length / 3.0;
        return (h / pixels + sat / pixels + v / pixels) / 3.0;
    }

    // OpenCV color_hsv.simd.hpp RGB2HSV_b: fixed point with hsv_shift 12 and division tables
    private static final int HSV_SHIFT = 12;
    private static final int[] SDIV = new int[256];
    private static final int[] HDIV = new int[256];

    static {
        for (int i = 1; i < 256; i++) {
            SDIV[i] = (int) Math.round((255 << HSV_SHIFT) / (double) i);
            HDIV[i] = (int) Math.round((180 << HSV_SHIFT) / (6.0 * i));
        }
    }

    /** Packed RGB to packed HSV exactly as OpenCV's 8-bit {@code COLOR_RGB2HSV} (H 0–179, S and V 0–255). */
    static byte[] hsv(byte[] rgb) {
        return hsv(rgb, new byte[rgb.length]);
    }

    /** {@link #hsv(byte[])} into {@code out}, which is returned. */
    static byte[] hsv(byte[] rgb, byte[] out) {
        int half = 1 << (HSV_SHIFT - 1);
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            int r = rgb[i] & 0xff;
            int g = rgb[i + 1] & 0xff;
            int b = rgb[i + 2] & 0xff;
            int v = Math.max(r, Math.max(g, b));
            int diff = v - Math.min(r, Math.min(g, b));
            int raw = v == r ? g - b : v == g ? b - r + 2 * diff : r - g + 4 * diff;
            int h = (raw * HDIV[diff] + half) >> HSV_SHIFT;
            out[i] = (byte) (h < 0 ? h + 180 : h);
            out[i + 1] = (byte) ((diff * SDIV[v] + half) >> HSV_SHIFT);
            out[i + 2] = (byte) v;
        }
        return out;
    }
}
