package dev.tagline.inference.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.inference.BuiltinSessions;
import java.nio.FloatBuffer;
import java.util.Map;

/** Silero VAD v5 through ONNX Runtime: inputs {@code input [1, 576]}, {@code state [2, 1, 128]}, {@code sr} int64. */
final class SileroSpeechDetector implements SpeechDetector {
    private final OrtSession session;
    private final SpeechSettings settings;
    private final OnnxTensor sampleRate;

    SileroSpeechDetector(OrtSession session, SpeechSettings settings) {
        this.session = session;
        this.settings = settings;
        try {
            this.sampleRate = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), (long) SpeechSegment.SAMPLE_RATE);
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("Silero VAD", "the sample-rate tensor", e);
        }
    }

    @Override
    public SpeechStream newStream() {
        return new SileroChunker(this::run, settings);
    }

    private float run(float[] input, float[] state) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, input.length});
                OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                OrtSession.Result result = session.run(Map.of("input", x, "state", s, "sr", sampleRate))) {
            float p = ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
            ((OnnxTensor) result.get(1)).getFloatBuffer().get(state);
            return p;
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("Silero VAD", "a 32 ms chunk", e);
        }
    }

    @Override
    public void close() {
        sampleRate.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("Silero VAD", "close", e);
        }
    }
}
