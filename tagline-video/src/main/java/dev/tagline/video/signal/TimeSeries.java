package dev.tagline.video.signal;

import java.time.Duration;
import java.util.Arrays;

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
