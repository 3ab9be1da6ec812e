package dev.tagline.inference.speech;

import dev.tagline.inference.onnx.OnnxInputs;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxOutputs;

/** Silero VAD v5 through ONNX Runtime: inputs {@code input [1, 576]}, {@code state [2, 1, 128]}, {@code sr} int64. */
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
        try (OnnxInputs inputs = model.newInputs().floats("input", input, 1, input.length)
                .floats("state", state, 2, 1, 128).scalar("sr", SpeechSegment.SAMPLE_RATE);
                OnnxOutputs outputs = model.run(inputs)) {
            System.arraycopy(outputs.floats("stateN").data(), 0, state, 0, state.length);
            return outputs.floats("output").data()[0];
        }
    }
}
