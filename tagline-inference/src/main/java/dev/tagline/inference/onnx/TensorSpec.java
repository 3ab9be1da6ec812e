package dev.tagline.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One input or output of a model as the file declares it. A dim of {@code -1} is not fixed by the model (a dynamic
 * batch, a sequence length); {@link #dimNames()} then holds its symbolic name ({@code "N"}, {@code "batch"}) or "".
 * Non-tensor values (sequences, maps) have type {@link OnnxJavaType#UNKNOWN} and an empty shape.
 */
public record TensorSpec(String name, OnnxJavaType type, long[] shape, List<String> dimNames) {
    public TensorSpec {
        shape = shape.clone();
        dimNames = List.copyOf(dimNames);
    }

    static TensorSpec of(NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            return new TensorSpec(node.getName(), OnnxJavaType.UNKNOWN, new long[0], List.of());
        }
        String[] names = info.getDimensionNames();
        List<String> dimNames = new ArrayList<>();
        for (int i = 0; i < info.getShape().length; i++) {
            dimNames.add(names == null || i >= names.length || names[i] == null ? "" : names[i]);
        }
        return new TensorSpec(node.getName(), info.type, info.getShape(), dimNames);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Dim {@code i}, or -1 when the model leaves it open. */
    public long dim(int i) {
        return shape[i];
    }

    /** Whether a tensor of {@code actual} shape fits: same rank, and every fixed dim equal. */
    public boolean accepts(long[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code float32 [N,448,448,3]}; an open dim without a name shows as {@code ?}. */
    public String describeType() {
        StringBuilder dims = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ",").append(shape[i] >= 0 ? Long.toString(shape[i])
                    : dimNames.get(i).isEmpty() ? "?" : dimNames.get(i));
        }
        return typeName(type) + " " + dims.append(']');
    }

    /** {@code input float32 [N,448,448,3]}. */
    @Override
    public String toString() {
        return name + " " + describeType();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && t.type == type && Arrays.equals(t.shape, shape)
                && t.dimNames.equals(dimNames);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** The ONNX name of an element type: {@code float32}, {@code int64}, {@code bool}… */
    static String typeName(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case UNKNOWN -> "non-tensor";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    static String shapeText(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }
}
