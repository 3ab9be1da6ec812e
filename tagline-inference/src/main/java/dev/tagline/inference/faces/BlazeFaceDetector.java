package dev.tagline.inference.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.inference.BuiltinSessions;
import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/** Runs BlazeFace through ONNX Runtime; all array work is in {@link BlazeFaceTranslator} and friends. */
final class BlazeFaceDetector implements FaceDetector {
    private final OrtSession session;
    private final FaceSettings settings;
    private final String inputName;

    BlazeFaceDetector(OrtSession session, FaceSettings settings) {
        this.session = session;
        this.settings = settings;
        this.inputName = session.getInputNames().iterator().next();
    }

    @Override
    public List<Face> detect(BufferedImage image) {
        int size = settings.model().inputSize();
        Letterbox box = Letterbox.of(image.getWidth(), image.getHeight(), size);
        float[] input = BlazeFaceTranslator.preprocess(image, box);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, size, size, 3});
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] heads = headsByShape(result);
            List<Candidate> candidates = BlazeFaceDecoder.decode(heads[0], heads[1], heads[2], heads[3], size,
                    settings.minScore());
            return BlazeFaceTranslator.toFaces(WeightedNms.apply(candidates, settings.iouThreshold()), box);
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("BlazeFace", image.getWidth() + "×" + image.getHeight() + " image", e);
        }
    }

    /** Scores A (512), boxes A (512×16), scores B (384), boxes B (384×16), told apart by shape (models.md §4.1). */
    private static float[][] headsByShape(OrtSession.Result result) {
        float[][] heads = new float[4][];
        for (var entry : result) {
            OnnxTensor t = (OnnxTensor) entry.getValue();
            long[] shape = t.getInfo().getShape();
            int anchors = (int) shape[1];
            int last = (int) shape[2];
            int index = (anchors == 512 ? 0 : 2) + (last == 16 ? 1 : 0);
            float[] data = new float[anchors * last];
            t.getFloatBuffer().get(data);
            heads[index] = data;
        }
        return heads;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("BlazeFace", "close", e);
        }
    }
}
