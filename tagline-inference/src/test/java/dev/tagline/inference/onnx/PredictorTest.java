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

    /** Items are 3-vectors given as parts, bytes (unsigned) or floats; the result is the model's 2 scores. */
    static final class PartsTranslator implements Translator<Object, float[]> {
        @Override
        public Tensors preprocess(List<Object> batch, ModelSignature signature) {
            long[] ids = new long[batch.size()];
            Tensors t = new Tensors().longs("ids", ids, batch.size());
            if (batch.get(0) instanceof byte[]) {
                return t.byteParts("x", batch.stream().map(b -> (byte[]) b).toList(), batch.size(), 3);
            }
            return t.floatParts("x", batch.stream().map(f -> (float[]) f).toList(), batch.size(), 3);
        }

        @Override
        public List<float[]> postprocess(List<Object> batch, Tensors outputs) {
            List<float[]> results = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                results.add(outputs.floats("y").row(i));
            }
            return results;
        }
    }

    @Test
    void partsGoStraightIntoAReusedInputBufferWhateverTheBatchSize() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("tiny.onnx")), SessionConfig.defaults());
        Predictor<Object, float[]> predictor = new Predictor<>(model, new PartsTranslator(), 3);
        // 7 items in batches of 3, 3, 1: the last batch reads only its own values from the bigger buffer
        List<Object> bytes = new ArrayList<>();
        List<Object> floats = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byte v = (byte) (i == 5 ? 0xFF : i); // 0xFF is 255, not -1
            bytes.add(new byte[] {v, 2, 1});
            floats.add(new float[] {-i, 2, 1});
        }
        List<float[]> fromBytes = predictor.predict(bytes);
        List<float[]> fromFloats = predictor.predict(floats);
        for (int i = 0; i < 7; i++) {
            float x = i == 5 ? 255 : i; // y = (sigmoid(x0 + x2), sigmoid(-x1))
            assertArrayEquals(new float[] {sigmoid(x + 1), sigmoid(-2)}, fromBytes.get(i), 1e-6f, "bytes, item " + i);
            assertArrayEquals(new float[] {sigmoid(1 - i), sigmoid(-2)}, fromFloats.get(i), 1e-6f,
                    "floats, item " + i);
        }
    }

    @Test
    void concurrentCallersNeverShareAnInputBuffer() throws Exception {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("tiny.onnx")), SessionConfig.defaults());
        Predictor<Object, float[]> predictor = new Predictor<>(model, new PartsTranslator(), 4);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < 3; caller++) {
                float base = caller * 0.25f;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 30; round++) {
                        List<Object> items = new ArrayList<>();
                        for (int i = 0; i < 9; i++) {
                            items.add(new float[] {base - i, 2, 1});
                        }
                        List<float[]> out = predictor.predict(items);
                        for (int i = 0; i < 9; i++) {
                            assertArrayEquals(new float[] {sigmoid(base - i + 1), sigmoid(-2)}, out.get(i), 1e-6f);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(); // rethrows a caller's wrong result
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partsOfUnequalLengthAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Tensors().floatParts("x", List.of(new float[3], new float[2]), 2, 3));
    }

    @Test
    void askingForAnOutputTheModelLacksNamesIt() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("tiny.onnx")), SessionConfig.defaults());
        try (OnnxInputs in = model.newInputs().floats("x", new float[3], 1, 3).longs("ids", new long[1], 1)) {
            assertThrows(dev.tagline.core.TaglineException.class, () -> model.run(in, Set.of("logits")));
        }
    }
}
