package dev.tagline.video.signal;

import java.time.Duration;
import java.util.List;

/**
 * Speech activity: cuts the 16 kHz audio into the model's windows, asks the {@link VoiceActivityModel} for each
 * window's probability and segments them with {@link SpeechSegmenter}. The model is the only part not in this
 * module; the pass owns the threading (one thread), the model its state. Memory: one window.
 */
public final class SpeechActivityAnalyser implements SignalAnalyser {
    private final VoiceActivityModel model;
    private final float[] window;
    private final SpeechSegmenter segmenter;
    private int filled;
    private List<SpeechSegment> segments;

    /** @param sampleRate the decoding pass's rate (16 kHz), used to time the windows */
    public SpeechActivityAnalyser(VoiceActivityModel model, SpeechSegmenter.Rules rules, int sampleRate) {
        this.model = model;
        this.window = new float[model.windowSamples()];
        this.segmenter = new SpeechSegmenter(rules,
                Duration.ofNanos(Math.round(model.windowSamples() * 1e9 / sampleRate)));
    }

    @Override
    public void onAudio(AudioBlock block) {
        float[] samples = block.samples();
        int i = 0;
        while (i < samples.length) {
            int n = Math.min(window.length - filled, samples.length - i);
            System.arraycopy(samples, i, window, filled, n);
            filled += n;
            i += n;
            if (filled == window.length) {
                segmenter.accept(model.speechProbability(window.clone()));
                filled = 0;
            }
        }
    }

    @Override
    public void finish(Duration end) {
        segments = segmenter.finish(end);
    }

    /** The speech segments; available after the pass has finished. */
    public List<SpeechSegment> segments() {
        if (segments == null) {
            throw new IllegalStateException("the decoding pass has not finished yet");
        }
        return segments;
    }
}
