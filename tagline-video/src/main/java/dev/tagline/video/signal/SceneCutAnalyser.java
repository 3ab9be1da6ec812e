package dev.tagline.video.signal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private byte[] spare; // RGB frames: the HSV buffer before the previous one, reused: no 110 KB array per frame
    private byte[] previousSource; // the previous frame's RGB or YUV bytes, as it came
    private boolean previousWasYuv;
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
        byte[] yuv = frame.yuv420().orElse(null);
        byte[] source = yuv != null ? yuv : frame.rgb();
        int size = frame.width() * frame.height() * 3;
        byte[] hsv;
        if (previous == null || previous.length != size || previousWasYuv != (yuv != null)) {
            hsv = new byte[size];
            if (yuv != null) {
                hsvAndScoreYuv(yuv, null, hsv, frame.width(), frame.height());
            } else {
                hsv(frame.rgb(), hsv);
            }
            lastScore = 0.0;
        } else if (yuv != null) {
            hsv = previous; // updated in place: only the changed pixels are written
            lastScore = hsvAndScoreYuv(yuv, previousSource, hsv, frame.width(), frame.height());
        } else {
            hsv = spare != null && spare.length == size ? spare : new byte[size];
            lastScore = hsvAndScore(source, previousSource, previous, hsv);
            spare = previous;
        }
        previous = hsv;
        previousSource = source;
        previousWasYuv = yuv != null;
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

    /** How many cuts were found so far, without copying them (read for every frame). */
    int cutCount() {
        return cuts.size();
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
            int p = hsvOf(r8 & 0xff, g8 & 0xff, b8 & 0xff);
            out[i] = (byte) (p >> 16);
            out[i + 1] = (byte) (p >> 8);
            out[i + 2] = (byte) p;
            h += Math.abs((p >> 16) - (previousHsv[i] & 0xff));
            sat += Math.abs((p >> 8 & 0xff) - (previousHsv[i + 1] & 0xff));
            v += Math.abs((p & 0xff) - (previousHsv[i + 2] & 0xff));
        }
        double pixels = rgb.length / 3.0;
        return (h / pixels + sat / pixels + v / pixels) / 3.0;
    }

    /**
     * {@link #hsvAndScore} for a {@code yuv420p} frame, in place: {@code hsv} holds the previous frame's HSV and is
     * updated to this frame's. A pixel whose Y and whose block's U and V equal the previous frame's keeps its HSV; the
     * others are converted to RGB ({@link VideoFrame#rgbOf} with their block's chroma, nearest, so that a pixel
     * depends on its own block only) and then to HSV, and their change is the distance. With {@code previousYuv} null
     * every pixel is converted (the first frame) and the score is 0. In place rather than into a second buffer: a
     * copy of the unchanged 110 KB for every frame was a third of the analyser's time. Nearest chroma differs from
     * {@link VideoFrame#rgb()}'s smooth upsampling only along colour edges, which moves a frame's mean HSV distance by
     * a fraction of a level.
     */
    static double hsvAndScoreYuv(byte[] yuv, byte[] previousYuv, byte[] hsv, int width, int height) {
        int uPlane = width * height;
        int vPlane = uPlane + uPlane / 4;
        int halfWidth = width / 2;
        boolean first = previousYuv == null;
        long h = 0;
        long sat = 0;
        long val = 0;
        for (int cy = 0; cy < height / 2; cy++) {
            for (int cx = 0; cx < halfWidth; cx++) {
                if (!first && (cx & 3) == 0 && cx + 4 <= halfWidth && sameFourBlocks(yuv, previousYuv,
                        2 * cy * width + 2 * cx, width, uPlane + cy * halfWidth + cx, vPlane - uPlane)) {
                    cx += 3; // eight pixels of both rows and their four chroma samples unchanged
                    continue;
                }
                int u = uPlane + cy * halfWidth + cx;
                int v = u - uPlane + vPlane;
                int i = 2 * cy * width + 2 * cx; // top left of the block's four pixels
                boolean chromaSame = !first && yuv[u] == previousYuv[u] && yuv[v] == previousYuv[v];
                if (chromaSame && yuv[i] == previousYuv[i] && yuv[i + 1] == previousYuv[i + 1]
                        && yuv[i + width] == previousYuv[i + width] && yuv[i + width + 1] == previousYuv[i + width + 1]) {
                    continue;
                }
                int cb = yuv[u] & 0xff;
                int cr = yuv[v] & 0xff;
                for (int k = 0; k < 4; k++) {
                    int p = i + (k & 1) + (k >> 1) * width;
                    if (chromaSame && yuv[p] == previousYuv[p]) {
                        continue;
                    }
                    int rgb = VideoFrame.rgbOf(yuv[p] & 0xff, cb, cr);
                    int next = hsvOf(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
                    int o = 3 * p;
                    h += Math.abs((next >> 16) - (hsv[o] & 0xff));
                    sat += Math.abs((next >> 8 & 0xff) - (hsv[o + 1] & 0xff));
                    val += Math.abs((next & 0xff) - (hsv[o + 2] & 0xff));
                    hsv[o] = (byte) (next >> 16);
                    hsv[o + 1] = (byte) (next >> 8);
                    hsv[o + 2] = (byte) next;
                }
            }
        }
        if (first) {
            return 0.0;
        }
        double pixels = (double) width * height;
        return (h / pixels + sat / pixels + val / pixels) / 3.0;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether 4 chroma blocks (8×2 luma from {@code i}, 4 U from {@code u}, 4 V {@code vOffset} further) are equal. */
    private static boolean sameFourBlocks(byte[] a, byte[] b, int i, int width, int u, int vOffset) {
        return (long) LONGS.get(a, i) == (long) LONGS.get(b, i)
                && (long) LONGS.get(a, i + width) == (long) LONGS.get(b, i + width)
                && (int) INTS.get(a, u) == (int) INTS.get(b, u)
                && (int) INTS.get(a, u + vOffset) == (int) INTS.get(b, u + vOffset);
    }

    /** One pixel to HSV as OpenCV's 8-bit {@code COLOR_RGB2HSV}, packed {@code h << 16 | s << 8 | v}. */
    static int hsvOf(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int diff = max - Math.min(r, Math.min(g, b));
        int raw = max == r ? g - b : max == g ? b - r + 2 * diff : r - g + 4 * diff;
        int hue = (raw * HDIV[diff] + HALF) >> HSV_SHIFT;
        return (hue < 0 ? hue + 180 : hue) << 16 | ((diff * SDIV[max] + HALF) >> HSV_SHIFT) << 8 | max;
    }

    // OpenCV color_hsv.simd.hpp RGB2HSV_b: fixed point with hsv_shift 12 and division tables
    private static final int HSV_SHIFT = 12;
    private static final int HALF = 1 << (HSV_SHIFT - 1);
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
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            int p = hsvOf(rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff);
            out[i] = (byte) (p >> 16);
            out[i + 1] = (byte) (p >> 8);
            out[i + 2] = (byte) p;
        }
        return out;
    }
}
