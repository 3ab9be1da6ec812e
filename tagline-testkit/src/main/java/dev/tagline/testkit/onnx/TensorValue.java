package dev.tagline.testkit.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * A named constant tensor (an initializer, or the value of a {@code Constant} node), stored the way ONNX stores it in
 * {@code raw_data}: little-endian element bytes in row-major order. An empty {@code dims} is a scalar.
 */
public final class TensorValue {
    final String name;
    final ElementType type;
    final long[] dims;
    final byte[] raw;

    private TensorValue(String name, ElementType type, long[] dims, int count, ByteBuffer raw) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.dims = dims.clone();
        long expected = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + ": negative dimension in " + Arrays.toString(dims));
            }
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException("tensor " + name + ": " + count + " values do not fill shape "
                    + Arrays.toString(dims) + " (" + expected + " elements)");
        }
        this.raw = raw.array();
    }

    private static ByteBuffer buffer(int count, ElementType type) {
        return ByteBuffer.allocate(count * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static TensorValue floats(String name, float[] values, long... dims) {
        ByteBuffer b = buffer(values.length, ElementType.FLOAT);
        b.asFloatBuffer().put(values);
        return new TensorValue(name, ElementType.FLOAT, dims, values.length, b);
    }

    public static TensorValue longs(String name, long[] values, long... dims) {
        ByteBuffer b = buffer(values.length, ElementType.INT64);
        b.asLongBuffer().put(values);
        return new TensorValue(name, ElementType.INT64, dims, values.length, b);
    }

    public static TensorValue ints(String name, int[] values, long... dims) {
        ByteBuffer b = buffer(values.length, ElementType.INT32);
        b.asIntBuffer().put(values);
        return new TensorValue(name, ElementType.INT32, dims, values.length, b);
    }

    /** Half-precision tensor from float values (rounded to the nearest float16). */
    public static TensorValue halfs(String name, float[] values, long... dims) {
        ByteBuffer b = buffer(values.length, ElementType.FLOAT16);
        for (float v : values) {
            b.putShort(Half.fromFloat(v));
        }
        return new TensorValue(name, ElementType.FLOAT16, dims, values.length, b);
    }

    /**
     * Synthetic weights: uniform in [-scale, scale), reproducible from {@code seed}. For "real signature, fake weights"
     * models; {@link #floatValues()} gives the values back for computing expectations.
     */
    public static TensorValue random(String name, long seed, float scale, long... dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        float[] values = new float[Math.toIntExact(count)];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return floats(name, values, dims);
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    public long[] dims() {
        return dims.clone();
    }

    /** The values of a {@link ElementType#FLOAT} tensor. */
    public float[] floatValues() {
        if (type != ElementType.FLOAT) {
            throw new IllegalStateException("tensor " + name + " is " + type + ", not FLOAT");
        }
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    @Override
    public String toString() {
        return name + ":" + type + Arrays.toString(dims);
    }
}
