package dev.tagline.video.render;

import java.util.List;

/**
 * Where a screen recording changes between two sampled frames: typing, the cursor, a scrolled view. Compares luma pixel
 * by pixel inside the content box; the box it returns spans the changed pixels' rows and the central
 * {@code 1 − 2·}{@value #TRIM} of their columns (a pointer twitching far from the typing does not stretch it). Screen
 * captures are noiseless flat fills, so a luma step of {@value #CHANGE_STEP} is a real change, not compression noise
 * (h.264 at CRF 20–23 moves flat screen pixels by a few levels). Pure; feeds {@link ModeChooser}'s
 * {@link ReframeMode#SCREEN_CROP} window, where OpusClip follows "where the action is" in a screen recording.
 */
final class ScreenActivity {
    /** Luma step (0–255) between the two frames that counts as a change. */
    static final int CHANGE_STEP = 32;
    /** Fewer changed pixels than this (in the analysis frame) is no activity: a blinking caret is about 2×8. */
    static final int MIN_CHANGED = 8;
    /** Share of the changed pixels cut off at each side, by column. */
    static final double TRIM = 0.05;

    private ScreenActivity() {
    }

    /**
     * The box of what changed from {@code before} to {@code after} (packed RGB, {@code w×h}) inside {@code within}, or
     * null when (almost) nothing did.
     */
    static Rect changed(byte[] before, byte[] after, int w, int h, Rect within) {
        return changed(before, after, w, h, within, List.of());
    }

    /**
     * {@link #changed(byte[], byte[], int, int, Rect)} with the pixels inside {@code ignore} left out: the people and
     * webcam insets of both frames, whose movement (a person, an inset drifting with the camera) is not the screen's
     * activity (dogfood round 5, G2: the window framed a drifting inset for a whole clip).
     */
    static Rect changed(byte[] before, byte[] after, int w, int h, Rect within, List<Rect> ignore) {
        if (before == null || within == null || before.length != after.length) {
            return null;
        }
        int x0 = Math.max(0, within.x());
        int y0 = Math.max(0, within.y());
        int x1 = Math.min(w, within.x() + within.width());
        int y1 = Math.min(h, within.y() + within.height());
        int[] cols = new int[w];
        int top = -1;
        int bottom = -1;
        int total = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = (y * w + x) * 3;
                boolean change = Math.abs(luma(before, i) - luma(after, i)) >= CHANGE_STEP;
                if (change && !ScreenContent.inside(x, y, ignore)) {
                    cols[x]++;
                    total++;
                    bottom = y;
                    if (top < 0) {
                        top = y;
                    }
                }
            }
        }
        if (total < MIN_CHANGED) {
            return null;
        }
        int cut = (int) Math.floor(total * TRIM);
        int left = column(cols, cut + 1);
        int right = column(cols, total - cut);
        return new Rect(left, top, right - left + 1, bottom - top + 1);
    }

    /** The column holding the {@code n}-th changed pixel, counting from the left (1-based). */
    private static int column(int[] cols, int n) {
        int seen = 0;
        for (int x = 0; x < cols.length; x++) {
            seen += cols[x];
            if (seen >= n) {
                return x;
            }
        }
        return cols.length - 1;
    }

    private static int luma(byte[] rgb, int i) {
        return (77 * (rgb[i] & 0xff) + 150 * (rgb[i + 1] & 0xff) + 29 * (rgb[i + 2] & 0xff)) >> 8;
    }
}
