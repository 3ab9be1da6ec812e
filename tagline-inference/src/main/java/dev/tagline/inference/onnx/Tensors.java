package dev.tagline.inference.onnx;

import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named tensors as plain Java arrays, with no ONNX Runtime objects: what a {@link Translator} produces and reads, so
 * translators are tested on hand-built values without a model. Not thread-safe.
 */
public final class Tensors {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Tensors floats(String name, float[] data, long... shape) {
        return put(name, new FloatTensor(data, shape));
    }

    /**
     * A float32 tensor of {@code shape} whose first axis is {@code parts}, one equal-sized array per batch item. A
     * {@link Predictor} copies the parts once, straight into the model's input buffer: no concatenated array.
     */
    public Tensors floatParts(String name, List<float[]> parts, long... shape) {
        values.put(name, new FloatParts(List.copyOf(parts), shape));
        return this;
    }

    /**
     * As {@link #floatParts}, from unsigned bytes widened to float (0–255): for inputs that are whole numbers anyway,
     * such as a WD tagger's pixel values, a quarter of the memory per prepared item.
     */
    public Tensors byteParts(String name, List<byte[]> parts, long... shape) {
        values.put(name, new FloatParts(List.copyOf(parts), shape));
        return this;
    }

    public Tensors longs(String name, long[] data, long... shape) {
        return put(name, new LongTensor(data, shape));
    }

    public Tensors put(String name, FloatTensor tensor) {
        values.put(name, tensor);
        return this;
    }

    public Tensors put(String name, LongTensor tensor) {
        values.put(name, tensor);
        return this;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The float32 tensor {@code name}; parts are joined into one array. */
    public FloatTensor floats(String name) {
        if (values.get(name) instanceof FloatParts parts) {
            float[] all = new float[parts.count()];
            parts.copyTo(FloatBuffer.wrap(all), new float[0]);
            return new FloatTensor(all, parts.shape());
        }
        return get(name, FloatTensor.class);
    }

    /** The int64 tensor {@code name}. */
    public LongTensor longs(String name) {
        return get(name, LongTensor.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'; have " + values.keySet());
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("tensor '" + name + "' is a " + value + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(value);
    }

    Object get(String name) {
        return values.get(name);
    }

    /** Per batch item a {@code float[]} or a {@code byte[]} of unsigned values, all of one length. */
    record FloatParts(List<Object> parts, long[] shape) {
        FloatParts {
            int each = -1;
            for (Object part : parts) {
                int n = part instanceof float[] f ? f.length : ((byte[]) part).length;
                if (each >= 0 && n != each) {
                    throw new IllegalArgumentException("parts of " + each + " and " + n + " values in one tensor");
                }
                each = n;
            }
        }

        int count() {
            return parts.stream().mapToInt(p -> p instanceof float[] f ? f.length : ((byte[]) p).length).sum();
        }

        /**
         * Writes the values into {@code out} from its position on. {@code scratch} (grown as needed, returned) widens
         * bytes before one bulk put, a loop C2 vectorises where a put per value into a direct buffer is not.
         */
        float[] copyTo(FloatBuffer out, float[] scratch) {
            float[] widened = scratch;
            for (Object part : parts) {
                if (part instanceof float[] f) {
                    out.put(f);
                } else {
                    byte[] b = (byte[]) part;
                    if (widened.length < b.length) {
                        widened = new float[b.length];
                    }
                    for (int i = 0; i < b.length; i++) {
                        widened[i] = b[i] & 0xff;
                    }
                    out.put(widened, 0, b.length);
                }
            }
            return widened;
        }
    }
}
