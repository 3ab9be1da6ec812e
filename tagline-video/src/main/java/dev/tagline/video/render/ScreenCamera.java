package dev.tagline.video.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The screen-crop window's path: still while the screen's activity stays inside it, and a cut (not a pan) when the
 * work moves elsewhere, so text is never read while it slides past. The samples are cut into runs: a run's activity
 * (the union of its boxes) always fits the window, which is centred on it; activity that does not fit starts a new run
 * once it is seen on {@link #CONFIRM} active samples in a row (one stray change never moves the window), and the cut
 * comes at the sample before the first of them, so the first keystrokes of the new place are on screen. A pan at a
 * face tracker's pace (OpenShorts' 3 px/frame) took five seconds to cross a 1080p screen, and the camera swayed along
 * every line typed (dogfood, round 3). Pure.
 */
final class ScreenCamera {
    /** Active samples in a row, outside the window, that move it (as OpenShorts' JUMP_CONFIRM_FRAMES). */
    static final int CONFIRM = 3;
    /** Activity centres further apart than this share of the width belong to different places on the screen. */
    static final double GAP = 0.08;
    /** The window holds the places worked on that take this share of the active samples (the widest are scrolling). */
    static final double PERCENTILE = 0.75;

    private ScreenCamera() {
    }

    /**
     * The window's width: at least {@code base}, widened so that each place worked on stays whole in it: the extent of
     * the place ({@link #places}) at {@link #PERCENTILE} of the boxes, the places ordered by extent. Never wider than
     * the source; even.
     */
    static int width(List<FrameSample> samples, double base, int srcW) {
        List<Place> real = places(samples, base, srcW).stream().sorted(Comparator.comparingInt(Place::extent))
                .toList();
        int total = real.stream().mapToInt(Place::boxes).sum();
        double need = 0;
        int seen = 0;
        for (Place p : real) {
            seen += p.boxes();
            need = p.extent();
            if (seen >= PERCENTILE * total) {
                break;
            }
        }
        return (int) Math.min(srcW, Math.round(Math.max(base, need))) & ~1;
    }

    /** A place on the screen worked on: the columns {@code [lo, hi)} its activity boxes span, and how many there are. */
    record Place(int lo, int hi, int boxes) {
        int extent() {
            return hi - lo;
        }
    }

    /**
     * The places worked on, left to right: the activity boxes grouped by their centres (a gap over {@link #GAP} of the
     * width separates two places); a place needs {@link #CONFIRM} boxes (a stray change is none), and a box wider than
     * {@code base} (scrolling, a redraw) says nothing about where the work is.
     */
    static List<Place> places(List<FrameSample> samples, double base, int srcW) {
        List<Rect> boxes = samples.stream().map(FrameSample::activity).filter(Objects::nonNull)
                .filter(r -> r.width() <= base).sorted(Comparator.comparingDouble(Rect::centreX)).toList();
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Rect r = boxes.get(i);
            boolean apart = i == 0 || r.centreX() - boxes.get(i - 1).centreX() > GAP * srcW;
            Place p = apart ? new Place(r.x(), r.x() + r.width(), 0) : places.remove(places.size() - 1);
            places.add(new Place(Math.min(p.lo(), r.x()), Math.max(p.hi(), r.x() + r.width()), p.boxes() + 1));
        }
        return places.stream().filter(p -> p.boxes() >= CONFIRM).toList();
    }

    /**
     * The window's left edge over a scene starting at {@code start}: runs of activity as the class comment says, each
     * window centred on its run's whole activity (known, since the clip is analysed before it is cut); without any
     * activity, still over {@code rest}'s centre.
     */
    static CropPath path(List<FrameSample> samples, int width, int srcW, Rect rest, Duration start) {
        List<int[]> runs = new ArrayList<>(); // {lo, hi} of each run's activity
        List<Duration> cuts = new ArrayList<>(); // when each run after the first takes over, from the scene's start
        List<FrameSample> pending = new ArrayList<>();
        Duration previous = start;
        Duration cutAt = start;
        for (FrameSample s : samples) {
            Rect r = s.activity();
            if (r != null && r.width() <= width) { // a wider change (scrolling, a redraw) says not where the work is
                int x0 = r.x();
                int x1 = r.x() + r.width();
                int[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (run == null) {
                    runs.add(new int[] {x0, x1});
                } else if (Math.max(run[1], x1) - Math.min(run[0], x0) <= width) {
                    run[0] = Math.min(run[0], x0);
                    run[1] = Math.max(run[1], x1);
                    pending.clear();
                } else {
                    if (pending.isEmpty()) {
                        cutAt = previous;
                    }
                    pending.add(s);
                    int[] p = extent(pending);
                    if (p[1] - p[0] > width) { // the stray changes do not agree on a place: start over from this one
                        pending.clear();
                        pending.add(s);
                        cutAt = previous;
                        p = extent(pending);
                    }
                    if (pending.size() >= CONFIRM) {
                        runs.add(p);
                        cuts.add(cutAt.minus(start));
                        pending.clear();
                    }
                }
            }
            previous = s.at();
        }
        if (runs.isEmpty()) {
            return CropPath.fixed(left(rest.x(), rest.x() + rest.width(), width, srcW));
        }
        List<CropPath.Key> keys = new ArrayList<>();
        keys.add(new CropPath.Key(Duration.ZERO, left(runs.get(0)[0], runs.get(0)[1], width, srcW)));
        for (int i = 1; i < runs.size(); i++) { // a cut: the previous place up to the instant, the new one from it
            keys.add(new CropPath.Key(cuts.get(i - 1), keys.get(keys.size() - 1).x()));
            keys.add(new CropPath.Key(cuts.get(i - 1), left(runs.get(i)[0], runs.get(i)[1], width, srcW)));
        }
        return new CropPath(keys);
    }

    /**
     * A still full-height window over {@code content} and {@code margin} pixels on each side of it (within the source),
     * centred on them: at least {@code base} wide, even, rounded up, so never narrower than that span (unless the source
     * is); over the frame's centre, {@code base} wide, without content. The window's left edge is its x.
     */
    static Rect still(Rect content, double base, int margin, int srcW, int srcH) {
        int x0 = content == null ? 0 : Math.max(0, content.x() - margin);
        int x1 = content == null ? srcW : Math.min(srcW, content.x() + content.width() + margin);
        int need = (int) Math.ceil(Math.max(base, content == null ? 0 : x1 - x0));
        int width = Math.min(srcW & ~1, (need + 1) & ~1);
        return new Rect((int) Math.round(left(x0, x1, width, srcW)), 0, width, srcH);
    }

    private static int[] extent(List<FrameSample> pending) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (FrameSample s : pending) {
            lo = Math.min(lo, s.activity().x());
            hi = Math.max(hi, s.activity().x() + s.activity().width());
        }
        return new int[] {lo, hi};
    }

    /** The left edge that centres [lo, hi) in the window, kept on the source. */
    private static double left(int lo, int hi, int width, int srcW) {
        return Math.max(0, Math.min(srcW - width, (lo + hi) / 2.0 - width / 2.0));
    }
}
