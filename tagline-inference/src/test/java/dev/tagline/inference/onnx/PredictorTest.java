package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    Path dir;

    private final OnnxSessions sessions = new OnnxSessions(m -> { });

    @AfterEach
    void close() {
        sessions.close();
    }

    /** Items are 3-vectors; the result is the model's 2 scores for each, plus its id doubled. */
    static final class VectorTranslator implements Translator<float[], float[]> {
        final List<Set<String>> seenOutputs = new ArrayList<>();

        @Override
        public Tensors preprocess(List<float[]> batch, ModelSignature signature) {
            int width = (int) signature.input("x").dim(1);
            float[] x = new float[batch.size() * width];
            long[] ids = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i), 0, x, i * width, width);
                ids[i] = i;
            }
            return new Tensors().floats("x", x, batch.size(), width).longs("ids", ids, batch.size());
        }

        @Override
        public List<float[]> postprocess(List<float[]> batch, Tensors outputs) {
            seenOutputs.add(outputs.names());
            List<float[]> results = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                results.add(outputs.floats("y").row(i));
            }
            return results;
        }

        @Override
        public Set<String> outputs() {
            return Set.of("y");
        }
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    @Test
    void translatorIsTestableWithoutAModel() {
        Tensors outputs = new Tensors().floats("y", new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 2);
        List<float[]> results = new VectorTranslator().postprocess(List.of(new float[3], new float[3]), outputs);
        assertArrayEquals(new float[] {0.3f, 0.4f}, results.get(1));
    }

    @Test
    void predictsInBatchesAndKeepsTheOrder() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("tiny.onnx")), SessionConfig.defaults());
        VectorTranslator translator = new VectorTranslator();
        Predictor<float[], float[]> predictor = new Predictor<>(model, translator, 2);
        List<float[]> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(new float[] {i, 0, 0});
        }
        List<float[]> results = predictor.predict(items);
        assertEquals(5, results.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new float[] {sigmoid(i), 0.5f}, results.get(i), 1e-6f);
        }
        assertEquals(List.of(Set.of("y"), Set.of("y"), Set.of("y")), translator.seenOutputs, "3 batches, only y");
        assertEquals(5, predictor.stats().items());
    }

    @Test
    void askingForAnOutputTheModelLacksNamesIt() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("tiny.onnx")), SessionConfig.defaults());
        try (OnnxInputs in = model.newInputs().floats("x", new float[3], 1, 3).longs("ids", new long[1], 1)) {
            assertThrows(dev.tagline.core.TaglineException.class, () -> model.run(in, Set.of("logits")));
        }
    }
}
