package dev.tagline.images.caption.florence;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.tagline.inference.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.List;

/**
 * The tensor work of Florence-2's generation loop that the generic {@code OnnxInputs} does not cover: float16 as
 * well as float32 (the element type read from the session), bool and empty tensors, and copying rows of a tensor by
 * their bytes whatever the element type (beam reordering of the key/value cache, concatenating embeddings).
 */
final class OrtValues {
    private final OrtEnvironment env;

    OrtValues(OrtEnvironment env) {
        this.env = env;
    }

    /** {@code data} as a tensor of {@code type} (FLOAT or FLOAT16). */
    OnnxTensor floats(float[] data, OnnxJavaType type, long... shape) {
        return create(() -> type == OnnxJavaType.FLOAT16
                ? OnnxTensor.createTensor(env, Fp16Conversions.convertFloatBufferToFp16Buffer(FloatBuffer.wrap(data)),
                        shape, OnnxJavaType.FLOAT16)
                : OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
    }

    OnnxTensor longs(long[] data, long... shape) {
        return create(() -> OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
    }

    /** A bool tensor of shape [1]. */
    OnnxTensor flag(boolean value) {
        return create(() -> OnnxTensor.createTensor(env, new boolean[] {value}));
    }

    /** A tensor of {@code type} with no elements (a zero dim in {@code shape}): the first step's empty past. */
    OnnxTensor empty(OnnxJavaType type, long... shape) {
        return create(() -> OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()),
                shape, type));
    }

    /** A tensor made of the rows {@code rows} (indices along dim 0) of {@code source}, copied byte for byte. */
    OnnxTensor gatherRows(OnnxTensor source, int[] rows) {
        long[] shape = source.getInfo().getShape();
        ByteBuffer all = source.getByteBuffer();
        int rowBytes = Math.toIntExact(all.remaining() / shape[0]);
        ByteBuffer out = ByteBuffer.allocateDirect(rows.length * rowBytes).order(ByteOrder.nativeOrder());
        for (int row : rows) {
            ByteBuffer slice = all.duplicate();
            slice.position(row * rowBytes).limit(row * rowBytes + rowBytes);
            out.put(slice);
        }
        out.flip();
        long[] newShape = shape.clone();
        newShape[0] = rows.length;
        return create(() -> OnnxTensor.createTensor(env, out, newShape, source.getInfo().type));
    }

    /** {@code a} and {@code b} ({@code [1, n, d]} and {@code [1, m, d]}, same type) joined along dim 1. */
    OnnxTensor concatSequence(OnnxTensor a, OnnxTensor b) {
        long[] sa = a.getInfo().getShape();
        long[] sb = b.getInfo().getShape();
        if (sa[0] != 1 || sb[0] != 1 || sa[2] != sb[2] || a.getInfo().type != b.getInfo().type) {
            throw new IllegalArgumentException("cannot join " + a.getInfo() + " and " + b.getInfo());
        }
        ByteBuffer ba = a.getByteBuffer();
        ByteBuffer bb = b.getByteBuffer();
        ByteBuffer out = ByteBuffer.allocateDirect(ba.remaining() + bb.remaining()).order(ByteOrder.nativeOrder());
        out.put(ba).put(bb).flip();
        return create(() -> OnnxTensor.createTensor(env, out, new long[] {1, sa[1] + sb[1], sa[2]}, a.getInfo().type));
    }

    /**
     * Tensors {@code [1, n_i, d]} of one type stacked into {@code [count, max n_i, d]}; the positions past a tensor's
     * own length are zero bytes (0.0 in float32 and float16).
     */
    OnnxTensor stackPadded(List<OnnxTensor> parts) {
        long width = parts.get(0).getInfo().getShape()[2];
        long longest = 0;
        for (OnnxTensor part : parts) {
            longest = Math.max(longest, part.getInfo().getShape()[1]);
        }
        int elementBytes = Math.toIntExact(parts.get(0).getByteBuffer().remaining()
                / (parts.get(0).getInfo().getShape()[1] * width));
        int rowBytes = Math.toIntExact(longest * width * elementBytes);
        ByteBuffer out = ByteBuffer.allocateDirect(rowBytes * parts.size()).order(ByteOrder.nativeOrder());
        for (int i = 0; i < parts.size(); i++) {
            out.position(i * rowBytes);
            out.put(parts.get(i).getByteBuffer());
        }
        out.position(0);
        long[] shape = {parts.size(), longest, width};
        return create(() -> OnnxTensor.createTensor(env, out, shape, parts.get(0).getInfo().type));
    }

    /** The last position of each row of {@code logits [rows, t, vocab]}, as floats. */
    static float[][] lastPosition(OnnxTensor logits) {
        long[] shape = logits.getInfo().getShape();
        int rows = (int) shape[0];
        int t = (int) shape[1];
        int vocab = (int) shape[2];
        float[][] out = new float[rows][vocab];
        if (logits.getInfo().type == OnnxJavaType.FLOAT) {
            FloatBuffer all = logits.getFloatBuffer(); // one copy out of ONNX Runtime, then only the rows needed
            for (int r = 0; r < rows; r++) {
                all.get((r * t + t - 1) * vocab, out[r]);
            }
            return out;
        }
        float[] all = toFloats(logits);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, (r * t + t - 1) * vocab, out[r], 0, vocab);
        }
        return out;
    }

    /** Every element of a float32 or float16 tensor, as float32. */
    static float[] toFloats(OnnxTensor tensor) {
        if (tensor.getInfo().type == OnnxJavaType.FLOAT16) {
            ShortBuffer halfs = tensor.getShortBuffer();
            float[] out = new float[halfs.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Fp16Conversions.fp16ToFloat(halfs.get(i));
            }
            return out;
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The tensor output {@code name} of {@code result}; an error naming the model when there is none. */
    static OnnxTensor output(OnnxModel model, OrtSession.Result result, String name) {
        OnnxValue value = result.get(name).orElseThrow(() -> FlorenceGraphs.mismatch(model,
                "gave no output '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor)) {
            throw FlorenceGraphs.mismatch(model, "gave a non-tensor output '" + name + "'");
        }
        return tensor;
    }

    private static OnnxTensor create(TensorFactory factory) {
        try {
            return factory.create();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create a tensor: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface TensorFactory {
        OnnxTensor create() throws OrtException;
    }
}
