package dev.tagline.video.signal;

import java.time.Duration;

/**
 * A run of mono samples in [-1, 1] at {@code sampleRate} Hz, starting at {@code start} from the beginning of the
 * media. The decoding pass allocates a fresh array per block, so an analyser may keep it.
 */
public record AudioBlock(Duration start, float[] samples, int sampleRate) {
    /** The time just after the last sample. */
    public Duration end() {
        return start.plusNanos(Math.round(samples.length * 1e9 / sampleRate));
    }
}
