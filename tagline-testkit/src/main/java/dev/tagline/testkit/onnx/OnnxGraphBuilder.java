package dev.tagline.testkit.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small, valid ONNX models for tests: graph inputs and outputs with fixed or symbolic dims, initializers and
 * nodes of the default ONNX domain. A fake WD tagger (NHWC {@code [N,448,448,3]} → 10 probabilities):
 *
 * <pre>{@code
 * byte[] model = OnnxGraphBuilder.create()
 *         .input("input", ElementType.FLOAT, "N", 448, 448, 3)
 *         .reduceMean("input", "pooled", false, 1, 2)          // [N,3]
 *         .initializer(TensorValue.random("w", 1, 0.5f, 3, 10))
 *         .matMul("pooled", "w", "logits")
 *         .sigmoid("logits", "output")
 *         .output("output", ElementType.FLOAT, "N", 10)
 *         .build();
 * }</pre>
 *
 * Dims are {@code Integer}/{@code Long} (fixed) or {@code String} (symbolic, {@code dim_param}). Helper tensors that an
 * op needs as inputs (Reshape's shape, Slice's starts/ends, ReduceMean's axes from opset 18) are added as int64
 * initializers named after the node's output. ONNX Runtime checks the graph when it loads it; this class does not.
 * One short method per op keeps call sites to one line each; that is most of its length.
 */
public final class OnnxGraphBuilder {
    private int opset = 17;
    private long irVersion = -1;
    private String graphName = "tagline-test";
    private final List<OnnxProto.Node> nodes = new ArrayList<>();
    private final List<TensorValue> initializers = new ArrayList<>();
    private final List<OnnxProto.ValueInfo> inputs = new ArrayList<>();
    private final List<OnnxProto.ValueInfo> outputs = new ArrayList<>();

    private OnnxGraphBuilder() {
    }

    public static OnnxGraphBuilder create() {
        return new OnnxGraphBuilder();
    }

    /** The default-domain opset (default 17). */
    public OnnxGraphBuilder opset(int version) {
        this.opset = version;
        return this;
    }

    /** The IR version; by default the one that goes with the opset (8 up to opset 18, 9 for 19–20, 10 after). */
    public OnnxGraphBuilder irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    public OnnxGraphBuilder name(String name) {
        this.graphName = name;
        return this;
    }

    public OnnxGraphBuilder input(String name, ElementType type, Object... dims) {
        inputs.add(new OnnxProto.ValueInfo(name, type, checkDims(name, dims)));
        return this;
    }

    public OnnxGraphBuilder output(String name, ElementType type, Object... dims) {
        outputs.add(new OnnxProto.ValueInfo(name, type, checkDims(name, dims)));
        return this;
    }

    /** An output whose shape the model does not declare (rank unknown). */
    public OnnxGraphBuilder outputWithoutShape(String name, ElementType type) {
        outputs.add(new OnnxProto.ValueInfo(name, type, null));
        return this;
    }

    public OnnxGraphBuilder initializer(TensorValue value) {
        initializers.add(value);
        return this;
    }

    public OnnxGraphBuilder floats(String name, float[] values, long... dims) {
        return initializer(TensorValue.floats(name, values, dims));
    }

    public OnnxGraphBuilder longs(String name, long[] values, long... dims) {
        return initializer(TensorValue.longs(name, values, dims));
    }

    /** Any default-domain op; the node is named after its first output. */
    public OnnxGraphBuilder node(String opType, List<String> in, List<String> out, Attr... attrs) {
        nodes.add(new OnnxProto.Node(opType, opType + "_" + out.get(0), List.copyOf(in), List.copyOf(out),
                List.of(attrs)));
        return this;
    }

    /** A one-output op: {@code op(opType, "y", "x")}. */
    public OnnxGraphBuilder op(String opType, String out, List<String> in, Attr... attrs) {
        return node(opType, in, List.of(out), attrs);
    }

    public OnnxGraphBuilder matMul(String a, String b, String out) {
        return op("MatMul", out, List.of(a, b));
    }

    public OnnxGraphBuilder add(String a, String b, String out) {
        return op("Add", out, List.of(a, b));
    }

    public OnnxGraphBuilder sub(String a, String b, String out) {
        return op("Sub", out, List.of(a, b));
    }

    public OnnxGraphBuilder mul(String a, String b, String out) {
        return op("Mul", out, List.of(a, b));
    }

    public OnnxGraphBuilder div(String a, String b, String out) {
        return op("Div", out, List.of(a, b));
    }

    public OnnxGraphBuilder sigmoid(String in, String out) {
        return op("Sigmoid", out, List.of(in));
    }

    public OnnxGraphBuilder relu(String in, String out) {
        return op("Relu", out, List.of(in));
    }

    public OnnxGraphBuilder identity(String in, String out) {
        return op("Identity", out, List.of(in));
    }

    public OnnxGraphBuilder softmax(String in, String out, int axis) {
        return op("Softmax", out, List.of(in), Attr.i("axis", axis));
    }

    /** Reshape to {@code shape} (0 copies a dim, -1 infers one). */
    public OnnxGraphBuilder reshape(String in, String out, long... shape) {
        longs(out + "_shape", shape, shape.length);
        return op("Reshape", out, List.of(in, out + "_shape"));
    }

    public OnnxGraphBuilder transpose(String in, String out, long... perm) {
        return op("Transpose", out, List.of(in), Attr.ints("perm", perm));
    }

    /** Mean over {@code axes}; an attribute before opset 18, an input from 18 on. */
    public OnnxGraphBuilder reduceMean(String in, String out, boolean keepDims, long... axes) {
        Attr keep = Attr.i("keepdims", keepDims ? 1 : 0);
        if (opset < 18) {
            return op("ReduceMean", out, List.of(in), keep, Attr.ints("axes", axes));
        }
        longs(out + "_axes", axes, axes.length);
        return op("ReduceMean", out, List.of(in, out + "_axes"), keep);
    }

    /** 2-D convolution, NCHW; {@code bias} may be null. Pass pads, strides, group… as attributes. */
    public OnnxGraphBuilder conv(String in, String weight, String bias, String out, Attr... attrs) {
        List<String> args = bias == null ? List.of(in, weight) : List.of(in, weight, bias);
        return op("Conv", out, args, attrs);
    }

    public OnnxGraphBuilder concat(String out, int axis, String... in) {
        return op("Concat", out, List.of(in), Attr.i("axis", axis));
    }

    public OnnxGraphBuilder gather(String data, String indices, String out, int axis) {
        return op("Gather", out, List.of(data, indices), Attr.i("axis", axis));
    }

    public OnnxGraphBuilder slice(String in, String out, long[] starts, long[] ends, long[] axes) {
        longs(out + "_starts", starts, starts.length);
        longs(out + "_ends", ends, ends.length);
        longs(out + "_axes", axes, axes.length);
        return op("Slice", out, List.of(in, out + "_starts", out + "_ends", out + "_axes"));
    }

    public OnnxGraphBuilder cast(String in, String out, ElementType to) {
        return op("Cast", out, List.of(in), Attr.i("to", to.code()));
    }

    /** A {@code Constant} node whose output is {@code value} (named after the node output). */
    public OnnxGraphBuilder constant(String out, TensorValue value) {
        return op("Constant", out, List.of(), Attr.tensor("value", value));
    }

    /** The serialized {@code ModelProto}. */
    public byte[] build() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("graph " + graphName + " has no outputs; call output(...)");
        }
        long ir = irVersion > 0 ? irVersion : opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
        return OnnxProto.model(ir, opset, "tagline-testkit", graphName, nodes, initializers, inputs, outputs);
    }

    /** This builder's graph alone, as a subgraph attribute ({@link Attr#graph}) writes it. */
    byte[] graphBytes() {
        return OnnxProto.graph(graphName, nodes, initializers, inputs, outputs);
    }

    /** Writes the model to {@code file} and returns it. */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model " + file, e);
        }
    }

    private static List<Object> checkDims(String name, Object[] dims) {
        for (Object dim : dims) {
            if (!(dim instanceof String || dim instanceof Integer || dim instanceof Long)) {
                throw new IllegalArgumentException("value " + name + ": dim " + dim + " in " + Arrays.toString(dims)
                        + " is neither a number nor a symbolic name");
            }
        }
        return List.of(dims);
    }
}
