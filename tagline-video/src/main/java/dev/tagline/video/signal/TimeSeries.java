package dev.tagline.video.signal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One value per tick of {@code step}, the first at time 0: an analyser's compact output (loudness, motion). Values
 * are in the unit the producer names (LUFS, fraction of pixels).
 */
public record TimeSeries(Duration step, float[] values) {
    public TimeSeries {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive");
        }
        values = values.clone();
    }

    public int size() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    /** The tick covering {@code t}, clamped to the series. */
    public int indexAt(Duration t) {
        long i = t.toNanos() / step.toNanos();
        return (int) Math.max(0, Math.min(values.length - 1, i));
    }

    /** Mean over [{@code from}, {@code to}); NaN for an empty series. */
    public double mean(Duration from, Duration to) {
        if (values.length == 0) {
            return Double.NaN;
        }
        int a = indexAt(from);
        int b = Math.max(a + 1, Math.min(values.length, indexAt(to)));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += values[i];
        }
        return sum / (b - a);
    }

    /** Maximum over [{@code from}, {@code to}); NaN for an empty series. */
    public double max(Duration from, Duration to) {
        if (values.length == 0) {
            return Double.NaN;
        }
        int a = indexAt(from);
        int b = Math.max(a + 1, Math.min(values.length, indexAt(to)));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = a; i < b; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /**
     * One series from {@code parts} of a video analysed in stretches ({@link DecodingPass.VideoSegment}): part
     * {@code i} gives the ticks from {@code starts.get(i)} up to the next start, the last part up to its own end.
     * The parts share the step; starts are in order, the first is zero, and each falls on a tick.
     */
    public static TimeSeries splice(List<TimeSeries> parts, List<Duration> starts) {
        if (parts.isEmpty() || parts.size() != starts.size()) {
            throw new IllegalArgumentException("one start per part needed");
        }
        Duration step = parts.get(0).step();
        long stepNanos = step.toNanos();
        int[] from = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            if (!parts.get(i).step().equals(step) || starts.get(i).toNanos() % stepNanos != 0) {
                throw new IllegalArgumentException("parts must share the step and start on a tick");
            }
            from[i] = (int) (starts.get(i).toNanos() / stepNanos);
        }
        TimeSeries last = parts.get(parts.size() - 1);
        from[starts.size()] = Math.max(last.size(), from[starts.size() - 1]);
        float[] values = new float[from[starts.size()]];
        for (int i = 0; i < parts.size(); i++) {
            float[] part = parts.get(i).values;
            int end = Math.min(from[i + 1], part.length);
            if (end > from[i]) {
                System.arraycopy(part, from[i], values, from[i], end - from[i]);
            }
        }
        return new TimeSeries(step, values);
    }

    /** Grows a series one value at a time (amortised doubling; 4 bytes per tick). */
    static final class Builder {
        private final Duration step;
        private float[] values = new float[1024];
        private int size;

        Builder(Duration step) {
            this.step = step;
        }

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        TimeSeries build() {
            return new TimeSeries(step, Arrays.copyOf(values, size));
        }
    }
}
