package dev.tagline.video.signal;

/**
 * A streaming voice-activity model as the decoding pass sees it: fixed windows of 16 kHz mono samples in, one speech
 * probability out. Silero VAD ({@code dev.tagline.inference.speech}, issue #7 point 3) plugs in here; it keeps its
 * recurrent state between calls, so one instance serves one stream on one thread.
 */
public interface VoiceActivityModel {
    /** Samples per window (Silero v5: 512 at 16 kHz, i.e. 32 ms). */
    int windowSamples();

    /** Probability in [0, 1] that {@code window} (exactly {@link #windowSamples()} samples) contains speech. */
    float speechProbability(float[] window);
}
