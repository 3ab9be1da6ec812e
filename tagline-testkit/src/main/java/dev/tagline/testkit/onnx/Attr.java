package dev.tagline.testkit.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * One node attribute ({@code AttributeProto}): an int, float, string, list of ints or floats, or a tensor. Build
 * them with the static factories: {@code Attr.i("axis", 1)}, {@code Attr.ints("perm", 0, 3, 1, 2)}.
 */
public final class Attr {
    enum Kind {
        FLOAT(1), INT(2), STRING(3), TENSOR(4), GRAPH(5), FLOATS(6), INTS(7);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    final String name;
    final Kind kind;
    final long[] longs;
    final float[] floats;
    final String string;
    final TensorValue tensor;
    final OnnxGraphBuilder graph;

    private Attr(String name, Kind kind, long[] longs, float[] floats, String string, TensorValue tensor) {
        this(name, kind, longs, floats, string, tensor, null);
    }

    private Attr(String name, Kind kind, long[] longs, float[] floats, String string, TensorValue tensor,
            OnnxGraphBuilder graph) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.longs = longs;
        this.floats = floats;
        this.string = string;
        this.tensor = tensor;
        this.graph = graph;
    }

    public static Attr i(String name, long value) {
        return new Attr(name, Kind.INT, new long[] {value}, null, null, null);
    }

    public static Attr f(String name, float value) {
        return new Attr(name, Kind.FLOAT, null, new float[] {value}, null, null);
    }

    public static Attr s(String name, String value) {
        return new Attr(name, Kind.STRING, null, null, Objects.requireNonNull(value, "value"), null);
    }

    public static Attr ints(String name, long... values) {
        return new Attr(name, Kind.INTS, values.clone(), null, null, null);
    }

    public static Attr floats(String name, float... values) {
        return new Attr(name, Kind.FLOATS, null, values.clone(), null, null);
    }

    public static Attr tensor(String name, TensorValue value) {
        return new Attr(name, Kind.TENSOR, null, null, null, Objects.requireNonNull(value, "value"));
    }

    /**
     * A subgraph, such as the {@code then_branch} / {@code else_branch} of an {@code If} node: its nodes may read
     * values of the enclosing graph; it declares outputs and no inputs. Value names must be unique across the model.
     */
    public static Attr graph(String name, OnnxGraphBuilder value) {
        return new Attr(name, Kind.GRAPH, null, null, null, null, Objects.requireNonNull(value, "value"));
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "=" + switch (kind) {
            case INT -> Long.toString(longs[0]);
            case FLOAT -> Float.toString(floats[0]);
            case STRING -> string;
            case INTS -> Arrays.toString(longs);
            case FLOATS -> Arrays.toString(floats);
            case TENSOR -> tensor.toString();
            case GRAPH -> "graph";
        };
    }
}
