package dev.tagline.inference.speech;

import java.util.List;

/**
 * One audio stream's detection state (model state, 64-sample context, open segment). Feed 16 kHz mono samples in
 * [−1, 1] in order, in pieces of any length; then {@link #finish}. Not thread-safe: one stream per thread.
 */
public interface SpeechStream {

    void accept(float[] samples, int offset, int length);

    default void accept(float[] samples) {
        accept(samples, 0, samples.length);
    }

    /** Speech probability of every 32 ms chunk seen so far (512 samples each). */
    float[] probabilities();

    /** Ends the stream (a partial last chunk is zero-padded) and returns its padded speech segments. */
    List<SpeechSegment> finish();
}
