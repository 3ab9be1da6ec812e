package dev.tagline.inference.faces;

import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import dev.tagline.inference.onnx.FloatTensor;
import dev.tagline.inference.onnx.OnnxInputs;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxOutputs;
import dev.tagline.inference.onnx.TensorSpec;
import java.awt.image.BufferedImage;
import java.util.List;

/** Runs BlazeFace through ONNX Runtime; all array work is in {@link BlazeFaceTranslator} and friends. */
final class BlazeFaceDetector implements FaceDetector {
    private final OnnxModel model;
    private final FaceSettings settings;
    private final String inputName;

    BlazeFaceDetector(OnnxModel model, FaceSettings settings) {
        this.model = model;
        this.settings = settings;
        this.inputName = model.signature().input(0).name();
    }

    @Override
    public String describe() {
        return model.describe();
    }

    @Override
    public List<Face> detect(BufferedImage image) {
        int size = settings.model().inputSize();
        Letterbox box = Letterbox.of(image.getWidth(), image.getHeight(), size);
        float[] input = BlazeFaceTranslator.preprocess(image, box);
        try (OnnxInputs inputs = model.newInputs().floats(inputName, input, 1, size, size, 3);
                OnnxOutputs outputs = model.run(inputs)) {
            float[][] heads = headsByShape(outputs, model.signature().outputs());
            List<Candidate> candidates = BlazeFaceDecoder.decode(heads[0], heads[1], heads[2], heads[3], size,
                    settings.minScore());
            return BlazeFaceTranslator.toFaces(WeightedNms.apply(candidates, settings.iouThreshold()), box);
        }
    }

    /** Scores A (512), boxes A (512×16), scores B (384), boxes B (384×16), told apart by shape (models.md §4.1). */
    private static float[][] headsByShape(OnnxOutputs outputs, List<TensorSpec> specs) {
        float[][] heads = new float[4][];
        for (TensorSpec spec : specs) {
            FloatTensor t = outputs.floats(spec.name());
            int anchors = (int) t.shape()[1];
            int last = (int) t.shape()[2];
            heads[(anchors == 512 ? 0 : 2) + (last == 16 ? 1 : 0)] = t.data();
        }
        return heads;
    }
}
