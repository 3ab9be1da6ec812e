package dev.tagline.inference.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input tensors of one run, checked against the model's {@link ModelSignature} as they are added (name, element
 * type, rank, fixed dims, element count). Owns the native tensors: close it after the run. Not thread-safe.
 */
public final class OnnxInputs implements AutoCloseable {
    private final OrtEnvironment env;
    private final ModelSignature signature;
    private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

    OnnxInputs(OrtEnvironment env, ModelSignature signature) {
        this.env = env;
        this.signature = signature;
    }

    /** A float32 input of {@code shape}, row-major. */
    public OnnxInputs floats(String name, float[] data, long... shape) {
        return floats(name, FloatBuffer.wrap(data), shape);
    }

    /** A float32 input of {@code shape} from the buffer's remaining values (a direct buffer avoids one copy). */
    public OnnxInputs floats(String name, FloatBuffer data, long... shape) {
        check(name, OnnxJavaType.FLOAT, data.remaining(), shape);
        return put(name, () -> OnnxTensor.createTensor(env, data, shape));
    }

    /** An int64 input of {@code shape}, row-major; an empty shape is a scalar. */
    public OnnxInputs longs(String name, long[] data, long... shape) {
        check(name, OnnxJavaType.INT64, data.length, shape);
        return put(name, () -> OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
    }

    /** A rank-0 int64 input, like Silero VAD's {@code sr}. */
    public OnnxInputs scalar(String name, long value) {
        return longs(name, new long[] {value});
    }

    Map<String, OnnxTensor> tensors() {
        List<String> missing = new ArrayList<>();
        signature.inputs().forEach(spec -> {
            if (!tensors.containsKey(spec.name())) {
                missing.add(spec.toString());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for input " + String.join(", ", missing) + " of model "
                    + signature.file());
        }
        return Collections.unmodifiableMap(tensors);
    }

    private void check(String name, OnnxJavaType type, long count, long[] shape) {
        TensorSpec spec = signature.input(name);
        if (spec.type() != type) {
            throw signature.mismatch("input '" + name + "' is " + spec.describeType() + ", not "
                    + TensorSpec.typeName(type));
        }
        if (!spec.accepts(shape)) {
            throw signature.mismatch("input '" + name + "' expects " + spec.describeType() + ", got shape "
                    + TensorSpec.shapeText(shape));
        }
        long expected = 1;
        for (long d : shape) {
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException("input '" + name + "': " + count + " values for shape "
                    + TensorSpec.shapeText(shape) + " (" + expected + " elements)");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("input '" + name + "' given twice");
        }
    }

    private OnnxInputs put(String name, TensorFactory factory) {
        try {
            tensors.put(name, factory.create());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create tensor for input '" + name + "': " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
        tensors.clear();
    }

    @FunctionalInterface
    private interface TensorFactory {
        OnnxTensor create() throws OrtException;
    }
}
