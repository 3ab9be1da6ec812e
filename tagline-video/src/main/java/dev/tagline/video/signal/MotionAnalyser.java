package dev.tagline.video.signal;

import java.time.Duration;
import java.util.Arrays;

/**
 * Visual motion as auto-editor measures it ({@code src/analyze/motion.nim}, video.md §10): frames in greyscale,
 * Gaussian-blurred (σ 9 at 400 px wide, scaled here to the frame width; approximated by three box passes), and the
 * value is the fraction of pixels that changed since the previous frame. Frames are halved (2×2 means) before the
 * blur: the measure is a fraction, so it barely depends on resolution, and the blur costs a quarter. Output: the
 * maximum per tick of {@link #STEP}, so a 30 fps source does not cost 30 values a second. A frame whose grey bytes
 * equal the last frame's (a still screen recording) is 0 without being blurred. Memory: two grey planes.
 */
public final class MotionAnalyser implements SignalAnalyser {
    /** auto-editor motion defaults: width 400, blur sigma 9. */
    static final double AE_WIDTH = 400;
    static final double AE_SIGMA = 9;
    public static final Duration STEP = Duration.ofMillis(250);

    private final TimeSeries.Builder series = new TimeSeries.Builder(STEP);
    private int[] previous;
    private int[] spare; // reused planes: no arrays allocated per frame
    private byte[] previousSource; // the last frame's bytes: a frame equal to it in grey is not blurred again
    private int[] work;
    private float tickMax;
    private long tick;

    @Override
    public void onFrame(VideoFrame frame) {
        int w = frame.width() / 2;
        int h = frame.height() / 2;
        if (work == null || work.length != w * h) {
            work = new int[w * h];
            spare = new int[w * h];
            previous = null;
        }
        byte[] yuv = frame.yuv420().orElse(null);
        byte[] source = yuv != null ? yuv : frame.rgb();
        int greyBytes = yuv != null ? frame.width() * frame.height() : source.length; // Y plane, or all of RGB
        float value = 0;
        if (previous != null && previousSource != null && previousSource.length == source.length
                && Arrays.equals(source, 0, greyBytes, previousSource, 0, greyBytes)) {
            // the same grey picture as the last frame (a still screen): same blurred plane, nothing changed
        } else {
            int[] grey = yuv != null ? halfLuma(yuv, frame.width(), w, h, spare)
                    : halfGrey(source, frame.width(), w, h, spare);
            blur(grey, w, h, radius(w), work);
            if (previous != null) {
                int changed = 0;
                for (int i = 0; i < grey.length; i++) {
                    if (grey[i] != previous[i]) {
                        changed++;
                    }
                }
                value = (float) changed / grey.length;
            }
            spare = previous == null ? new int[grey.length] : previous;
            previous = grey;
        }
        previousSource = source;
        long frameTick = frame.time().toNanos() / STEP.toNanos();
        while (tick < frameTick) {
            series.add(tickMax);
            tickMax = 0;
            tick++;
        }
        tickMax = Math.max(tickMax, value);
    }

    @Override
    public void finish(Duration end) {
        if (previous != null) {
            series.add(tickMax);
        }
    }

    /** Fraction of changed pixels per {@link #STEP} tick, 0–1. */
    public TimeSeries motion() {
        return series.build();
    }

    /** Box radius whose three passes approximate the scaled Gaussian: σ² = 3((2r+1)² − 1)/12. */
    static int radius(int width) {
        double sigma = AE_SIGMA * width / AE_WIDTH;
        return Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
    }

    static int[] grey(byte[] rgb) {
        int[] out = new int[rgb.length / 3];
        for (int i = 0; i < out.length; i++) {
            // ITU-R BT.601 luma, as FFmpeg's format=gray
            out[i] = thousandths(299 * (rgb[3 * i] & 0xff) + 587 * (rgb[3 * i + 1] & 0xff)
                    + 114 * (rgb[3 * i + 2] & 0xff) + 500);
        }
        return out;
    }

    /**
     * {@code n / 1000} for 0 ≤ n ≤ 255,500 by a multiply and a shift (exact in that range; a division per pixel was
     * the analyser's hottest instruction).
     */
    static int thousandths(int n) {
        return (int) ((n * 268_436L) >>> 28); // ⌈2^28 / 1000⌉
    }

    /**
     * {@code halve(grey(rgb), width, w, h)} in one pass into {@code out}, without the full-size grey plane: the same
     * integers, a third of the memory traffic.
     */
    static int[] halfGrey(byte[] rgb, int width, int w, int h, int[] out) {
        int row = 3 * width;
        for (int y = 0; y < h; y++) {
            int top = 2 * y * row;
            for (int x = 0; x < w; x++) {
                int i = top + 6 * x;
                int j = i + row;
                out[y * w + x] = (luma(rgb, i) + luma(rgb, i + 3) + luma(rgb, j) + luma(rgb, j + 3) + 2) >> 2;
            }
        }
        return out;
    }

    /**
     * {@link #halfGrey} of a {@code yuv420p} frame from its Y plane: limited-range luma (16–235) stretched to 0–255,
     * which is the BT.601 grey of the RGB that {@link VideoFrame#rgb()} would give (within rounding), without it.
     */
    static int[] halfLuma(byte[] yuv, int width, int w, int h, int[] out) {
        for (int y = 0; y < h; y++) {
            int top = 2 * y * width;
            for (int x = 0; x < w; x++) {
                int i = top + 2 * x;
                int j = i + width;
                out[y * w + x] = (FULL_RANGE[yuv[i] & 0xff] + FULL_RANGE[yuv[i + 1] & 0xff]
                        + FULL_RANGE[yuv[j] & 0xff] + FULL_RANGE[yuv[j + 1] & 0xff] + 2) >> 2;
            }
        }
        return out;
    }

    /** Limited-range Y to full range: {@code (Y − 16) × 255 / 219}, rounded and clipped. */
    static final int[] FULL_RANGE = new int[256];

    static {
        for (int y = 0; y < 256; y++) {
            FULL_RANGE[y] = Math.max(0, Math.min(255, (int) Math.round((y - 16) * 255.0 / 219.0)));
        }
    }

    private static int luma(byte[] rgb, int i) {
        return thousandths(299 * (rgb[i] & 0xff) + 587 * (rgb[i + 1] & 0xff) + 114 * (rgb[i + 2] & 0xff) + 500);
    }

    /** 2×2 block means of a {@code width}-wide plane, {@code w}×{@code h} out. */
    static int[] halve(int[] plane, int width, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * width + 2 * x;
                out[y * w + x] = (plane[i] + plane[i + 1] + plane[i + width] + plane[i + width + 1] + 2) / 4;
            }
        }
        return out;
    }

    static int[] blur(int[] plane, int width, int height, int radius) {
        int[] out = plane.clone();
        blur(out, width, height, radius, new int[plane.length]);
        return out;
    }

    /** Blurs {@code plane} in place, with {@code work} (same size) as the other buffer of each pass. */
    static void blur(int[] plane, int width, int height, int radius, int[] work) {
        int window = 2 * radius + 1;
        int[] mean = MEANS.computeIfAbsent(window, MotionAnalyser::means);
        for (int pass = 0; pass < 3; pass++) {
            boxLines(plane, work, width, height, radius, mean, true);
            boxLines(work, plane, width, height, radius, mean, false);
        }
    }

    private static final java.util.Map<Integer, int[]> MEANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rounded sum / window for every sum of 8-bit values; a division per pixel was the hot spot. */
    private static int[] means(int window) {
        int[] mean = new int[255 * window + 1];
        for (int sum = 0; sum < mean.length; sum++) {
            mean[sum] = (sum + window / 2) / window;
        }
        return mean;
    }

    /**
     * One running-sum box pass along rows (or columns) from {@code in} to {@code out}, edges clamped; integer means
     * like an 8-bit filter, read from {@code mean} (indexed by the window's sum, at most 255 × window). The loop is
     * split where the window leaves the line, so the middle, most of the line, has no edge tests.
     */
    private static void boxLines(int[] in, int[] out, int width, int height, int r, int[] mean, boolean rows) {
        int lines = rows ? height : width;
        int length = rows ? width : height;
        int stride = rows ? 1 : width;
        for (int line = 0; line < lines; line++) {
            int base = rows ? line * width : line;
            int first = in[base];
            int last = in[base + (length - 1) * stride];
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[base + clamp(k, length) * stride];
            }
            int x = 0;
            for (int head = Math.min(r, length); x < head; x++) {
                out[base + x * stride] = mean[sum];
                int add = x + r + 1 < length ? in[base + (x + r + 1) * stride] : last;
                sum += add - first;
            }
            int end = length - r - 1;
            for (int p = base + x * stride; x < end; x++, p += stride) {
                out[p] = mean[sum];
                sum += in[p + (r + 1) * stride] - in[p - r * stride];
            }
            for (; x < length; x++) {
                out[base + x * stride] = mean[sum];
                int add = x + r + 1 < length ? in[base + (x + r + 1) * stride] : last;
                int drop = x - r >= 0 ? in[base + (x - r) * stride] : first;
                sum += add - drop;
            }
        }
    }

    private static int clamp(int i, int length) {
        return i < 0 ? 0 : i >= length ? length - 1 : i;
    }
}
