package dev.tagline.testkit.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a built model in ONNX Runtime: inputs as float or long arrays with a shape, every output back as floats. */
final class OrtRun implements AutoCloseable {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

    OrtRun(byte[] model) throws OrtException {
        session = ENV.createSession(model, new OrtSession.SessionOptions());
    }

    OrtRun in(String name, float[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, FloatBuffer.wrap(data), shape));
        return this;
    }

    OrtRun in(String name, long[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, LongBuffer.wrap(data), shape));
        return this;
    }

    OrtRun in(String name, int[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, java.nio.IntBuffer.wrap(data), shape));
        return this;
    }

    /** The named output as flat floats (int64 outputs converted). */
    float[] out(String name) throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            OnnxValue value = result.get(name).orElseThrow();
            OnnxTensor tensor = (OnnxTensor) value;
            if (tensor.getInfo().type == ai.onnxruntime.OnnxJavaType.INT64) {
                long[] longs = new long[(int) tensor.getInfo().getNumElements()];
                tensor.getLongBuffer().get(longs);
                float[] f = new float[longs.length];
                for (int i = 0; i < longs.length; i++) {
                    f[i] = longs[i];
                }
                return f;
            }
            float[] out = new float[(int) tensor.getInfo().getNumElements()];
            tensor.getFloatBuffer().get(out);
            return out;
        }
    }

    long[] shape(String name) throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            return ((OnnxTensor) result.get(name).orElseThrow()).getInfo().getShape();
        }
    }

    @Override
    public void close() throws OrtException {
        inputs.values().forEach(OnnxTensor::close);
        session.close();
    }
}
