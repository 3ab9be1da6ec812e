package dev.tagline.video.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The left edge of a moving crop over time, piecewise linear between keyframes (times from the scene's start, x in
 * source pixels). FFmpeg gets it as one flat expression in {@code t}: the first x plus, for each segment that moves,
 * {@code slope·clip(t−t0, 0, t1−t0)}. A flat sum rather than nested {@code if}s keeps the parser's depth constant
 * however long the path (video.md §11.4: "a piecewise-linear expression in t"; never per-frame re-encoding in Java).
 */
public record CropPath(List<Key> keys) {
    public CropPath {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a crop path needs at least one keyframe");
        }
        keys = List.copyOf(keys);
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).at().compareTo(keys.get(i - 1).at()) < 0) {
                throw new IllegalArgumentException("crop path keyframes out of order at " + i);
            }
        }
    }

    /** A crop that does not move. */
    public static CropPath fixed(double x) {
        return new CropPath(List.of(new Key(Duration.ZERO, x)));
    }

    /** One keyframe: the crop's left edge {@code x} at time {@code at}. */
    public record Key(Duration at, double x) {
    }

    /** x at {@code t}, by the same rule as {@link #expression()}. */
    public double xAt(Duration t) {
        double s = seconds(t);
        double x = keys.get(0).x();
        for (int i = 1; i < keys.size(); i++) {
            double t0 = seconds(keys.get(i - 1).at());
            double t1 = seconds(keys.get(i).at());
            double dx = keys.get(i).x() - keys.get(i - 1).x();
            if (t1 > t0) {
                x += dx * Math.max(0, Math.min(s - t0, t1 - t0)) / (t1 - t0);
            } else if (s >= t1) {
                x += dx;
            }
        }
        return x;
    }

    /** The FFmpeg expression for x, in {@code t} seconds; contains commas, so quote it inside a filter graph. */
    public String expression() {
        StringBuilder e = new StringBuilder(num(keys.get(0).x()));
        for (int i = 1; i < keys.size(); i++) {
            double t0 = seconds(keys.get(i - 1).at());
            double t1 = seconds(keys.get(i).at());
            double dx = keys.get(i).x() - keys.get(i - 1).x();
            if (Math.abs(dx) < 0.5) {
                continue;
            }
            if (t1 - t0 < 1e-6) {
                e.append(dx >= 0 ? "+" : "-").append(num(Math.abs(dx))).append("*gte(t,").append(num(t1)).append(')');
            } else {
                double slope = dx / (t1 - t0);
                e.append(slope >= 0 ? "+" : "-").append(num(Math.abs(slope))).append("*clip(t-").append(num(t0))
                        .append(",0,").append(num(t1 - t0)).append(')');
            }
        }
        return e.toString();
    }

    /** Drops keyframes that lie on the line through their neighbours (within half a pixel). */
    public CropPath simplified() {
        if (keys.size() < 3) {
            return this;
        }
        List<Key> out = new ArrayList<>();
        out.add(keys.get(0));
        for (int i = 1; i < keys.size() - 1; i++) {
            Key a = out.get(out.size() - 1);
            Key b = keys.get(i);
            Key c = keys.get(i + 1);
            double ta = seconds(a.at());
            double tc = seconds(c.at());
            double expected = tc > ta ? a.x() + (c.x() - a.x()) * (seconds(b.at()) - ta) / (tc - ta) : c.x();
            if (Math.abs(expected - b.x()) > 0.5) {
                out.add(b);
            }
        }
        out.add(keys.get(keys.size() - 1));
        return new CropPath(out);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
