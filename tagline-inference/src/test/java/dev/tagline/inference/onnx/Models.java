package dev.tagline.inference.onnx;

import static dev.tagline.testkit.onnx.ElementType.FLOAT;
import static dev.tagline.testkit.onnx.ElementType.INT64;

import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import java.nio.file.Path;

/** Tiny models for the session tests. */
final class Models {
    private Models() {
    }

    /** {@code x [N,3]} → {@code y = sigmoid(x·W) [N,2]}, plus {@code ids [N]} int64 → {@code twice = ids + ids}. */
    static Path tiny(Path file) {
        return OnnxGraphBuilder.create()
                .input("x", FLOAT, "N", 3).input("ids", INT64, "N")
                .floats("w", new float[] {1, 0, 0, -1, 1, 0}, 3, 2)
                .matMul("x", "w", "xw").sigmoid("xw", "y").add("ids", "ids", "twice")
                .output("y", FLOAT, "N", 2).output("twice", INT64, "N")
                .write(file);
    }

    /** A model big enough that several intra-op threads are worth starting: {@code [1,64,32,32]} convolution. */
    static Path conv(Path file) {
        return OnnxGraphBuilder.create()
                .input("image", FLOAT, 1, 64, 32, 32)
                .initializer(dev.tagline.testkit.onnx.TensorValue.random("k", 7, 0.1f, 64, 64, 3, 3))
                .conv("image", "k", null, "features")
                .output("features", FLOAT, 1, 64, 30, 30)
                .write(file);
    }
}
