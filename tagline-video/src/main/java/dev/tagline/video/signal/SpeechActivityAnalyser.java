package dev.tagline.video.signal;

import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.speech.SpeechSettings;
import dev.tagline.inference.speech.SpeechStream;
import java.time.Duration;
import java.util.List;

/**
 * Speech activity with Silero VAD ({@link SpeechDetector}): the pass's 16 kHz audio goes into one
 * {@link SpeechStream}, which carries the model's state and segments the probabilities as Silero's
 * {@code get_speech_timestamps} does. Open the detector with {@link #RULES}. Memory: one 32 ms chunk plus a float per
 * chunk.
 */
public final class SpeechActivityAnalyser implements SignalAnalyser {
    /**
     * The faster-whisper VAD parameters (video.md §10; YS {@code local/transcriber.py}): threshold 0.5, min speech
     * 250 ms, min silence 2,000 ms, pad 400 ms. Speech-to-text chunks follow these segments, so short breaths do not
     * cut a sentence.
     */
    public static final SpeechSettings RULES = new SpeechSettings(0.5, 0.35, Duration.ofMillis(250),
            Duration.ofMillis(2000), Duration.ofMillis(400));

    private final SpeechStream stream;
    private List<SpeechSegment> segments;

    public SpeechActivityAnalyser(SpeechDetector detector) {
        this.stream = detector.newStream();
    }

    @Override
    public void onAudio(AudioBlock block) {
        if (block.sampleRate() != dev.tagline.inference.speech.SpeechSegment.SAMPLE_RATE) {
            throw new IllegalArgumentException("Silero VAD reads 16 kHz audio, the pass decodes at "
                    + block.sampleRate() + " Hz");
        }
        stream.accept(block.samples());
    }

    @Override
    public void finish(Duration end) {
        segments = stream.finish().stream().map(s -> new SpeechSegment(s.start(), s.end())).toList();
    }

    /** The speech segments; available after the pass has finished. */
    public List<SpeechSegment> segments() {
        if (segments == null) {
            throw new IllegalStateException("the decoding pass has not finished yet");
        }
        return segments;
    }
}
