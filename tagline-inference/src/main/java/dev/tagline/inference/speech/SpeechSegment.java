package dev.tagline.inference.speech;

import java.time.Duration;

/**
 * A stretch of speech in a 16 kHz stream, padded as configured.
 *
 * @param startSample first sample, inclusive
 * @param endSample last sample, exclusive
 */
public record SpeechSegment(long startSample, long endSample) {
    public static final int SAMPLE_RATE = 16_000;

    public SpeechSegment {
        if (startSample < 0 || endSample < startSample) {
            throw new IllegalArgumentException("bad speech segment " + startSample + ".." + endSample);
        }
    }

    public Duration start() {
        return Duration.ofNanos(startSample * 1_000_000_000L / SAMPLE_RATE);
    }

    public Duration end() {
        return Duration.ofNanos(endSample * 1_000_000_000L / SAMPLE_RATE);
    }
}
