package dev.tagline.video.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cuts a clip's scenes are split at: the content detector's, and the slide changes it misses. PySceneDetect's
 * content detector scores the mean HSV change of the whole frame, and a dark slide whose 56 px title changes scores
 * far below its threshold of 27: a whole deck came out as one scene, the slide change counted as the screen being
 * worked on, and the screen-crop window shrank to ⅔ of the height and cut the titles (dogfood round 4, F1). A slide
 * change is a change over at least {@link #REDRAW_SHARE} of the content's width, on at most {@link #TRANSITION}
 * samples in a row (a hard cut or a dissolve), with the screen still on the {@link #STILL} samples before and after
 * it: typing, a pointer and scrolling are neither that wide nor that lone. The cut comes halfway between the last
 * sample before the change and the first that shows it (within one analysis frame, as the content detector's), and a
 * change across a cut (the transition's samples, the first sample after a detected cut) is no activity of the scene
 * after it. Pure.
 */
final class ScreenCuts {
    /** A change at least this share of the content's width redraws the screen (Tagline's rule). */
    static final double REDRAW_SHARE = 0.5;
    /** A transition changes at most this many samples in a row: 1 s at 5 samples per second (a dissolve). */
    static final int TRANSITION = 5;
    /** The screen is still on this many samples before and after a slide change: 1 s. */
    static final int STILL = 5;

    /**
     * The cuts, sorted, and the samples with no activity across a cut.
     *
     * @param at where each scene after the first starts, from the clip's start
     * @param samples the samples, in order, the change across each cut removed
     */
    record Split(List<Duration> at, List<FrameSample> samples) {
    }

    private ScreenCuts() {
    }

    /** {@code detected} (the content detector's cuts) and the slide changes in {@code samples} (in time order). */
    static Split split(List<FrameSample> samples, List<Duration> detected) {
        List<Duration> cuts = new ArrayList<>(detected);
        boolean[] across = new boolean[samples.size()];
        for (Duration cut : detected) {
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).at().compareTo(cut) >= 0) {
                    across[i] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < samples.size(); i++) {
            int end = i;
            while (end < samples.size() && samples.get(end).activity() != null) {
                end++;
            }
            if (end > i && i > 0 && isSlideChange(samples, i, end)) {
                Duration before = samples.get(i - 1).at();
                Duration last = samples.get(end - 1).at();
                if (detected.stream().noneMatch(d -> d.compareTo(before) > 0 && d.compareTo(last) <= 0)) {
                    cuts.add(before.plus(samples.get(i).at()).dividedBy(2));
                }
                for (int k = i; k < end; k++) {
                    across[k] = true;
                }
            }
            i = Math.max(i, end);
        }
        List<FrameSample> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            FrameSample s = samples.get(i);
            out.add(across[i] && s.activity() != null ? s.withoutActivity()
                    : s);
        }
        return new Split(cuts.stream().sorted().distinct().toList(), out);
    }

    /** Whether the changes on samples {@code [from, to)} are a slide change (see the class comment). */
    private static boolean isSlideChange(List<FrameSample> samples, int from, int to) {
        if (to - from > TRANSITION) {
            return false;
        }
        for (int k = Math.max(0, from - STILL); k < Math.min(samples.size(), to + STILL); k++) {
            if ((k < from || k >= to) && samples.get(k).activity() != null) {
                return false;
            }
        }
        for (int k = from; k < to; k++) {
            FrameSample s = samples.get(k);
            if (s.content() != null && s.activity().width() >= REDRAW_SHARE * s.content().width()) {
                return true;
            }
        }
        return false;
    }
}
