package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a model's signature from the session, building inputs, reading outputs, and the errors on mismatch. */
class OnnxModelTest {
    @TempDir
    Path dir;

    private final OnnxSessions sessions = new OnnxSessions(m -> { });
    private OnnxModel model;
    private Path file;

    @BeforeEach
    void load() {
        file = Models.tiny(dir.resolve("tiny.onnx"));
        model = sessions.load(file, SessionConfig.defaults().withIntraOpThreads(1));
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void signatureHasNamesTypesAndTheSymbolicBatchDim() {
        ModelSignature sig = model.signature();
        assertEquals(List.of("x", "ids"), sig.inputs().stream().map(TensorSpec::name).toList());
        assertEquals(List.of("y", "twice"), sig.outputs().stream().map(TensorSpec::name).toList());
        TensorSpec x = sig.input("x");
        assertEquals(OnnxJavaType.FLOAT, x.type());
        assertArrayEquals(new long[] {-1, 3}, x.shape());
        assertEquals(List.of("N", ""), x.dimNames());
        assertEquals(3, sig.input(0).dim(1));
        assertEquals(OnnxJavaType.INT64, sig.output("twice").type());
        assertEquals("x float32 [N,3], ids int64 [N] → y float32 [N,2], twice int64 [N]", sig.toString());
    }

    @Test
    void runsWithAnyBatchSizeAndReadsOutputsByName() {
        try (OnnxInputs in = model.newInputs().floats("x", new float[] {1, 2, 3, 0, 0, 0}, 2, 3)
                .longs("ids", new long[] {5, -1}, 2);
                OnnxOutputs out = model.run(in)) {
            FloatTensor y = out.floats("y");
            assertArrayEquals(new long[] {2, 2}, y.shape());
            assertArrayEquals(new float[] {sigmoid(4), sigmoid(-2)}, y.row(0), 1e-6f);
            assertArrayEquals(new float[] {0.5f, 0.5f}, y.row(1), 1e-6f);
            assertArrayEquals(new long[] {10, -2}, out.longs("twice"));
            assertArrayEquals(new long[] {2}, out.shape("twice"));
        }
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    @Test
    void unknownInputNamesTheFileAndTheRealInputs() {
        try (OnnxInputs in = model.newInputs()) {
            TaglineException e = assertThrows(TaglineException.class, () -> in.floats("input", new float[3], 1, 3));
            assertEquals("Model " + file + " has no input 'input'; its inputs are x float32 [N,3], ids int64 [N]",
                    e.getMessage());
            assertTrue(e.hint().contains("--model-path"), e.hint());
        }
    }

    @Test
    void wrongShapeOrTypeSaysExpectedAndActual() {
        try (OnnxInputs in = model.newInputs()) {
            assertEquals("Model " + file + " input 'x' expects float32 [N,3], got shape [1,448,448,3]",
                    assertThrows(TaglineException.class, () -> in.floats("x", new float[448 * 448 * 3],
                            1, 448, 448, 3)).getMessage());
            assertEquals("Model " + file + " input 'ids' is int64 [N], not float32",
                    assertThrows(TaglineException.class, () -> in.floats("ids", new float[1], 1)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> in.floats("x", new float[5], 2, 3));
        }
    }

    @Test
    void missingInputAndUnknownOutputAreNamed() {
        try (OnnxInputs in = model.newInputs().floats("x", new float[3], 1, 3)) {
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> model.run(in));
            assertTrue(missing.getMessage().contains("no value for input ids int64 [N]"), missing.getMessage());
            in.longs("ids", new long[] {1}, 1);
            try (OnnxOutputs out = model.run(in)) {
                assertEquals("Model " + file + " has no output 'logits'; its outputs are y float32 [N,2], "
                        + "twice int64 [N]", assertThrows(TaglineException.class, () -> out.floats("logits"))
                        .getMessage());
                assertEquals("Model " + file + " output 'twice' is int64 [N], not float32",
                        assertThrows(TaglineException.class, () -> out.floats("twice")).getMessage());
            }
        }
    }
}
