package dev.tagline.inference.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
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
        return new SileroChunker(new Binding(), settings);
    }

    /**
     * One stream's tensors, made once: the input and state tensors are views of direct buffers that each call
     * refills, and the outputs are pinned to buffers of their own, so a 32 ms call allocates no tensor (creating five
     * per call was most of its cost next to the model's own work). Closed when the stream finishes.
     */
    private final class Binding implements SileroChunker.ChunkModel {
        private final FloatBuffer input = direct(SileroChunker.CONTEXT + SileroChunker.CHUNK);
        private final FloatBuffer state = direct(SileroChunker.STATE);
        private final FloatBuffer probability = direct(1);
        private final FloatBuffer stateOut = direct(SileroChunker.STATE);
        private final List<OnnxTensor> tensors = new ArrayList<>();
        private final Map<String, OnnxTensor> inputs;
        private final Map<String, OnnxTensor> outputs;

        Binding() {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try {
                inputs = Map.of("input", keep(OnnxTensor.createTensor(env, input, new long[] {1, input.capacity()})),
                        "state", keep(OnnxTensor.createTensor(env, state, new long[] {2, 1, 128})),
                        "sr", keep(OnnxTensor.createTensor(env, (long) SpeechSegment.SAMPLE_RATE)));
                outputs = Map.of("output", keep(OnnxTensor.createTensor(env, probability, new long[] {1, 1})),
                        "stateN", keep(OnnxTensor.createTensor(env, stateOut, new long[] {2, 1, 128})));
            } catch (OrtException e) {
                close();
                throw failed("creating the stream's tensors", e);
            }
        }

        private OnnxTensor keep(OnnxTensor tensor) {
            tensors.add(tensor);
            return tensor;
        }

        @Override
        public float speechProbability(float[] chunk, float[] recurrent) {
            input.clear();
            input.put(chunk).clear();
            state.clear();
            state.put(recurrent).clear();
            try (OrtSession.Result ignored = model.session().run(inputs, outputs)) {
                stateOut.clear();
                stateOut.get(recurrent);
                return probability.get(0);
            } catch (OrtException e) {
                throw failed("running on a 32 ms chunk", e);
            }
        }

        @Override
        public void close() {
            tensors.forEach(OnnxTensor::close);
            tensors.clear();
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private TaglineException failed(String what, OrtException e) {
        return new TaglineException("ONNX Runtime failed " + what + " with " + model.file() + " on " + model.provider()
                + ": " + e.getMessage(), "Re-run with --verbose and report it with the output.", e);
    }
}
