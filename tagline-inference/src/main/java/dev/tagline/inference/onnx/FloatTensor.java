package dev.tagline.inference.onnx;

import java.util.Arrays;

/** A float32 tensor copied out of ONNX Runtime: row-major {@code data} of {@code shape}. */
public record FloatTensor(float[] data, long[] shape) {
    /** Row {@code i} of the first axis, e.g. one image's scores from an {@code [N, tags]} output. */
    public float[] row(int i) {
        if (shape.length == 0 || i < 0 || i >= shape[0]) {
            throw new IndexOutOfBoundsException("row " + i + " of shape " + Arrays.toString(shape));
        }
        int width = data.length / (int) shape[0];
        return Arrays.copyOfRange(data, i * width, (i + 1) * width);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
