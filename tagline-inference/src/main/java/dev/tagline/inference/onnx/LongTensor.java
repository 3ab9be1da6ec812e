package dev.tagline.inference.onnx;

import java.util.Arrays;

/** An int64 tensor: row-major {@code data} of {@code shape}; an empty shape is a scalar. */
public record LongTensor(long[] data, long[] shape) {
    @Override
    public String toString() {
        return "LongTensor" + Arrays.toString(shape);
    }
}
