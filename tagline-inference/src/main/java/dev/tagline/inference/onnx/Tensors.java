package dev.tagline.inference.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** The float32 tensor {@code name}. */
    public FloatTensor floats(String name) {
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
}
