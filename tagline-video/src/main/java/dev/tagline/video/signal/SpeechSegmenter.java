package dev.tagline.video.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-window speech probabilities into segments, the state machine of Silero VAD's
 * {@code get_speech_timestamps} (snakers4/silero-vad {@code utils_vad.py}): speech starts at a window ≥ threshold,
 * ends after at least {@code minSilence} below {@code threshold − 0.15}, is dropped when shorter than
 * {@code minSpeech}, and is padded by {@code pad} on each side (half the gap when two segments are closer than two
 * pads). Defaults are the faster-whisper VAD parameters of video.md §10: threshold 0.5, min speech 250 ms, min
 * silence 2,000 ms, pad 400 ms. Streaming: feed probabilities in order, then {@link #finish}.
 */
public final class SpeechSegmenter {
    /** Silero {@code neg_threshold = threshold - 0.15}. */
    static final double HYSTERESIS = 0.15;

    /** The segmentation rules. */
    public record Rules(double threshold, Duration minSpeech, Duration minSilence, Duration pad) {
        /** video.md §10 (faster-whisper VAD parameters, YS {@code local/transcriber.py}). */
        public static final Rules DEFAULT = new Rules(0.5, Duration.ofMillis(250), Duration.ofMillis(2000),
                Duration.ofMillis(400));
    }

    private final Rules rules;
    private final Duration window;
    private final List<SpeechSegment> raw = new ArrayList<>();
    private long index;
    private boolean triggered;
    private Duration start = Duration.ZERO;
    private Duration tempEnd;

    public SpeechSegmenter(Rules rules, Duration window) {
        this.rules = rules;
        this.window = window;
    }

    /** Feeds the probability of the next window. */
    public void accept(double probability) {
        Duration at = window.multipliedBy(index++);
        if (probability >= rules.threshold() && tempEnd != null) {
            tempEnd = null;
        }
        if (probability >= rules.threshold() && !triggered) {
            triggered = true;
            start = at;
            return;
        }
        if (probability < rules.threshold() - HYSTERESIS && triggered) {
            if (tempEnd == null) {
                tempEnd = at;
            }
            if (at.minus(tempEnd).compareTo(rules.minSilence()) >= 0) {
                add(start, tempEnd);
                tempEnd = null;
                triggered = false;
            }
        }
    }

    private void add(Duration from, Duration to) {
        if (to.minus(from).compareTo(rules.minSpeech()) > 0) {
            raw.add(new SpeechSegment(from, to));
        }
    }

    /** Closes a segment still open at {@code end} and returns all segments, padded. */
    public List<SpeechSegment> finish(Duration end) {
        if (triggered) {
            add(start, end);
            triggered = false;
        }
        int n = raw.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = raw.get(i).start().toNanos();
            ends[i] = raw.get(i).end().toNanos();
        }
        long pad = rules.pad().toNanos();
        long last = end.toNanos();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                starts[0] = Math.max(0, starts[0] - pad);
            }
            if (i + 1 < n) {
                long gap = starts[i + 1] - ends[i];
                if (gap < 2 * pad) {
                    ends[i] += gap / 2;
                    starts[i + 1] = Math.max(0, starts[i + 1] - gap / 2);
                } else {
                    ends[i] = Math.min(last, ends[i] + pad);
                    starts[i + 1] = Math.max(0, starts[i + 1] - pad);
                }
            } else {
                ends[i] = Math.min(last, ends[i] + pad);
            }
        }
        List<SpeechSegment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new SpeechSegment(Duration.ofNanos(starts[i]), Duration.ofNanos(ends[i])));
        }
        return out;
    }
}
