package dev.tagline.testkit.onnx;

import static dev.tagline.testkit.onnx.ElementType.FLOAT;
import static dev.tagline.testkit.onnx.ElementType.INT32;
import static dev.tagline.testkit.onnx.ElementType.INT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every op the builder offers, run in ONNX Runtime and compared with the same arithmetic done in Java. */
class OnnxGraphBuilderTest {
    private static final float EPS = 1e-5f;
    private static final float[] X23 = {1, 2, 3, 4, 5, 6};

    private static OnnxGraphBuilder x23() {
        return OnnxGraphBuilder.create().input("x", FLOAT, 2, 3);
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    @Test
    void matMulThenSigmoidMatchesTheReferenceFixture() throws Exception {
        // stack.md §2.1: X = [1,2,3], W = [[1,0],[0,-1],[1,0]] → sigmoid([4,-2])
        byte[] model = OnnxGraphBuilder.create().opset(13)
                .input("x", FLOAT, 1, 3)
                .floats("w", new float[] {1, 0, 0, -1, 1, 0}, 3, 2)
                .matMul("x", "w", "xw").sigmoid("xw", "z")
                .output("z", FLOAT, 1, 2).build();
        try (OrtRun run = new OrtRun(model).in("x", new float[] {1, 2, 3}, 1, 3)) {
            assertArrayEquals(new float[] {sigmoid(4), sigmoid(-2)}, run.out("z"), EPS);
        }
    }

    @Test
    void elementwiseOpsBroadcastARow() throws Exception {
        byte[] model = x23().floats("r", new float[] {1, -2, 4}, 3)
                .add("x", "r", "a").sub("a", "r", "s").mul("s", "r", "m").div("m", "r", "d").relu("m", "relu")
                .output("a", FLOAT, 2, 3).output("d", FLOAT, 2, 3).output("relu", FLOAT, 2, 3).build();
        try (OrtRun run = new OrtRun(model).in("x", X23, 2, 3)) {
            assertArrayEquals(new float[] {2, 0, 7, 5, 3, 10}, run.out("a"), EPS);
            assertArrayEquals(X23, run.out("d"), EPS);
            assertArrayEquals(new float[] {1, 0, 12, 4, 0, 24}, run.out("relu"), EPS);
        }
    }

    @Test
    void softmaxOverTheLastAxis() throws Exception {
        byte[] model = x23().softmax("x", "p", -1).output("p", FLOAT, 2, 3).build();
        try (OrtRun run = new OrtRun(model).in("x", X23, 2, 3)) {
            float[] p = run.out("p");
            double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.exp(i + 1) / sum, p[i], EPS);
                assertEquals(p[i], p[i + 3], EPS);
            }
        }
    }

    @Test
    void transposeAndReshapeMoveValuesDifferently() throws Exception {
        byte[] model = x23().transpose("x", "t", 1, 0).reshape("x", "r", 3, -1).identity("r", "same")
                .output("t", FLOAT, 3, 2).output("same", FLOAT, 3, 2).build();
        try (OrtRun run = new OrtRun(model).in("x", X23, 2, 3)) {
            assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, run.out("t"), EPS);
            assertArrayEquals(X23, run.out("same"), EPS);
            assertArrayEquals(new long[] {3, 2}, run.shape("same"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 17, 18, 21})
    void reduceMeanOnEveryOpsetForm(int opset) throws Exception {
        byte[] model = x23().opset(opset).reduceMean("x", "rows", false, 1).reduceMean("x", "all", true, 0, 1)
                .output("rows", FLOAT, 2).output("all", FLOAT, 1, 1).build();
        try (OrtRun run = new OrtRun(model).in("x", X23, 2, 3)) {
            assertArrayEquals(new float[] {2, 5}, run.out("rows"), EPS);
            assertArrayEquals(new float[] {3.5f}, run.out("all"), EPS);
        }
    }

    @Test
    void convWithBiasPadsAndStrides() throws Exception {
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] kernel = {1, 0, 0, -1};
        byte[] model = OnnxGraphBuilder.create().input("x", FLOAT, 1, 1, 3, 3)
                .floats("w", kernel, 1, 1, 2, 2).floats("b", new float[] {10}, 1)
                .conv("x", "w", "b", "y").conv("x", "w", null, "padded", Attr.ints("pads", 1, 1, 1, 1),
                        Attr.ints("strides", 2, 2))
                .output("y", FLOAT, 1, 1, 2, 2).output("padded", FLOAT, 1, 1, 2, 2).build();
        try (OrtRun run = new OrtRun(model).in("x", image, 1, 1, 3, 3)) {
            float[] expected = new float[4];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    expected[r * 2 + c] = image[r * 3 + c] - image[(r + 1) * 3 + c + 1] + 10;
                }
            }
            assertArrayEquals(expected, run.out("y"), EPS);
            // padded by 1, stride 2: windows at (-1,-1), (-1,1), (1,-1), (1,1); w[1][1] = -1 hits image[r][c]
            assertArrayEquals(new float[] {-1, -3, -7, -9 + 5}, run.out("padded"), EPS);
        }
    }

    @Test
    void concatGatherSliceAndCast() throws Exception {
        byte[] model = x23().input("idx", INT64, 2).input("n", INT32, 2)
                .concat("cat", 0, "x", "x")
                .gather("x", "idx", "cols", 1)
                .slice("x", "sl", new long[] {1}, new long[] {3}, new long[] {1})
                .cast("n", "nf", FLOAT).cast("idx", "idxf", FLOAT)
                .output("cat", FLOAT, 4, 3).output("cols", FLOAT, 2, 2).output("sl", FLOAT, 2, 2)
                .output("nf", FLOAT, 2).output("idxf", FLOAT, 2).build();
        try (OrtRun run = new OrtRun(model).in("x", X23, 2, 3).in("idx", new long[] {2, 0}, 2)
                .in("n", new int[] {-7, 9}, 2)) {
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}, run.out("cat"), EPS);
            assertArrayEquals(new float[] {3, 1, 6, 4}, run.out("cols"), EPS);
            assertArrayEquals(new float[] {2, 3, 5, 6}, run.out("sl"), EPS);
            assertArrayEquals(new float[] {-7, 9}, run.out("nf"), EPS);
            assertArrayEquals(new float[] {2, 0}, run.out("idxf"), EPS);
        }
    }

    @Test
    void everyAttributeAndTensorKindRoundTrips() throws Exception {
        float[] channels = {0, 1, 2, 3, 4, 5, 6, 7};
        byte[] model = OnnxGraphBuilder.create().input("x", FLOAT, 1, 8, 1, 1)
                .op("DepthToSpace", "crd", List.of("x"), Attr.i("blocksize", 2), Attr.s("mode", "CRD"))
                .op("DepthToSpace", "dcr", List.of("x"), Attr.i("blocksize", 2), Attr.s("mode", "DCR"))
                .op("Constant", "fs", List.of(), Attr.floats("value_floats", 0.5f, -1.5f))
                .op("LeakyRelu", "leaky", List.of("fs"), Attr.f("alpha", 0.1f))
                .constant("half", TensorValue.halfs("h", new float[] {0.5f, -2, 1024, 65504}, 4))
                .cast("half", "halff", FLOAT)
                .initializer(TensorValue.ints("i32", new int[] {3, -4}, 2)).cast("i32", "i32f", FLOAT)
                .output("crd", FLOAT, 1, 2, 2, 2).output("dcr", FLOAT, 1, 2, 2, 2).output("leaky", FLOAT, 2)
                .output("halff", FLOAT, 4).output("i32f", FLOAT, 2).build();
        try (OrtRun run = new OrtRun(model).in("x", channels, 1, 8, 1, 1)) {
            assertArrayEquals(channels, run.out("crd"), EPS);
            assertArrayEquals(new float[] {0, 2, 4, 6, 1, 3, 5, 7}, run.out("dcr"), EPS);
            assertArrayEquals(new float[] {0.5f, -0.15f}, run.out("leaky"), EPS);
            assertArrayEquals(new float[] {0.5f, -2, 1024, 65504}, run.out("halff"), EPS);
            assertArrayEquals(new float[] {3, -4}, run.out("i32f"), EPS);
        }
    }

    @Test
    void fakeWdTaggerHasTheRealSignatureAndComputesProbabilities(@TempDir Path dir) throws Exception {
        TensorValue w = TensorValue.random("w", 1, 0.5f, 3, 10);
        Path file = OnnxGraphBuilder.create()
                .input("input", FLOAT, "N", 448, 448, 3)
                .reduceMean("input", "pooled", false, 1, 2)
                .initializer(w)
                .matMul("pooled", "w", "logits")
                .sigmoid("logits", "output")
                .output("output", FLOAT, "N", 10)
                .write(dir.resolve("tagger/model.onnx"));
        float[] pixels = new float[2 * 448 * 448 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i < pixels.length / 2 ? (i % 3) / 2f : 1; // image 0: channels 0, .5, 1; image 1: all 1
        }
        try (OrtRun run = new OrtRun(Files.readAllBytes(file)).in("input", pixels, 2, 448, 448, 3)) {
            NodeInfo in = run.session.getInputInfo().get("input");
            TensorInfo info = (TensorInfo) in.getInfo();
            assertArrayEquals(new long[] {-1, 448, 448, 3}, info.getShape());
            assertEquals("N", info.getDimensionNames()[0]);
            float[] out = run.out("output");
            float[] weights = w.floatValues();
            for (int tag = 0; tag < 10; tag++) {
                float image0 = 0 * weights[tag] + 0.5f * weights[10 + tag] + 1 * weights[20 + tag];
                float image1 = weights[tag] + weights[10 + tag] + weights[20 + tag];
                assertEquals(sigmoid(image0), out[tag], 1e-4);
                assertEquals(sigmoid(image1), out[10 + tag], 1e-4);
            }
        }
    }

    @Test
    void valuesThatDoNotFillTheShapeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorValue.floats("w", new float[5], 2, 3));
        assertEquals("tensor w: 5 values do not fill shape [2, 3] (6 elements)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxGraphBuilder.create().input("x", FLOAT, 2.5));
        assertThrows(IllegalStateException.class, () -> OnnxGraphBuilder.create().input("x", FLOAT, 1).build());
    }
}
