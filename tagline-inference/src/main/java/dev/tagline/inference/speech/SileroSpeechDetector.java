package dev.tagline.inference.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxModel;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v5 through ONNX Runtime: inputs {@code input [1, 576]}, {@code state [2, 1, 128]}, {@code sr} int64. A
 * call every 32 ms of audio is the hot path, so it runs the session directly rather than through
 * {@code OnnxInputs}/{@code OnnxOutputs}, whose per-call checks and copies halved the real-time factor
 * (docs/benchmarks.md).
 */
final class SileroSpeechDetector implements SpeechDetector {
    private final OnnxModel model;
    private final SpeechSettings settings;

    SileroSpeechDetector(OnnxModel model, SpeechSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public SpeechStream newStream() {
        return new SileroChunker(this::run, settings);
    }

    private float run(float[] input, float[] state) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, input.length});
                OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                OnnxTensor sr = OnnxTensor.createTensor(env, (long) SpeechSegment.SAMPLE_RATE);
                OrtSession.Result result = model.session().run(Map.of("input", x, "state", s, "sr", sr))) {
            float p = ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
            ((OnnxTensor) result.get(1)).getFloatBuffer().get(state);
            return p;
        } catch (OrtException e) {
            throw failed("running on a 32 ms chunk", e);
        }
    }

    private TaglineException failed(String what, OrtException e) {
        return new TaglineException("ONNX Runtime failed " + what + " with " + model.file() + " on " + model.provider()
                + ": " + e.getMessage(), "Re-run with --verbose and report it with the output.", e);
    }
}
