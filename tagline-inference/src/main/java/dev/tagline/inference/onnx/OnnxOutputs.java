package dev.tagline.inference.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import java.util.Optional;

/** The outputs of one run, read by name and copied into Java arrays. Owns the native values: close it. */
public final class OnnxOutputs implements AutoCloseable {
    private final OrtSession.Result result;
    private final ModelSignature signature;

    OnnxOutputs(OrtSession.Result result, ModelSignature signature) {
        this.result = result;
        this.signature = signature;
    }

    /** The float32 output {@code name}; an error naming the model file and its outputs if there is none. */
    public FloatTensor floats(String name) {
        OnnxTensor tensor = tensor(name, OnnxJavaType.FLOAT);
        float[] data = new float[Math.toIntExact(tensor.getInfo().getNumElements())];
        tensor.getFloatBuffer().get(data);
        return new FloatTensor(data, tensor.getInfo().getShape());
    }

    /** The int64 output {@code name} as a flat row-major array. */
    public long[] longs(String name) {
        OnnxTensor tensor = tensor(name, OnnxJavaType.INT64);
        long[] data = new long[Math.toIntExact(tensor.getInfo().getNumElements())];
        tensor.getLongBuffer().get(data);
        return data;
    }

    /** The float32 and int64 outputs among {@code names} (all of them when empty) copied into Java arrays. */
    public Tensors copy(java.util.Set<String> names) {
        Tensors copy = new Tensors();
        for (java.util.Map.Entry<String, OnnxValue> entry : result) {
            String name = entry.getKey();
            if (!names.isEmpty() && !names.contains(name) || !(entry.getValue() instanceof OnnxTensor tensor)) {
                continue;
            }
            if (tensor.getInfo().type == OnnxJavaType.FLOAT) {
                copy.put(name, floats(name));
            } else if (tensor.getInfo().type == OnnxJavaType.INT64) {
                copy.longs(name, longs(name), tensor.getInfo().getShape());
            }
        }
        return copy;
    }

    /** The shape ONNX Runtime produced for output {@code name} (every dim known). */
    public long[] shape(String name) {
        return tensor(name, null).getInfo().getShape();
    }

    private OnnxTensor tensor(String name, OnnxJavaType type) {
        TensorSpec spec = signature.output(name);
        Optional<OnnxValue> value = result.get(name);
        if (value.isEmpty() || !(value.get() instanceof OnnxTensor tensor)) {
            throw signature.mismatch("output '" + name + "' is not a tensor in this run");
        }
        if (type != null && tensor.getInfo().type != type) {
            throw signature.mismatch("output '" + name + "' is " + spec.describeType() + ", not "
                    + TensorSpec.typeName(type));
        }
        return tensor;
    }

    @Override
    public void close() {
        result.close();
    }
}
