package dev.tagline.inference.onnx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link Translator} on a loaded model: splits the items into batches of at most {@code batchSize}, converts
 * tensors to and from ONNX Runtime, and times the model calls. Thread-safe when the translator is.
 */
public final class Predictor<I, O> {
    private final OnnxModel model;
    private final Translator<I, O> translator;
    private final int batchSize;
    private final AtomicLong runNanos = new AtomicLong();
    private final AtomicLong items = new AtomicLong();

    public Predictor(OnnxModel model, Translator<I, O> translator, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " < 1");
        }
        this.model = model;
        this.translator = translator;
        this.batchSize = batchSize;
    }

    /** One result per item, in order. */
    public List<O> predict(List<I> all) {
        List<O> results = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += batchSize) {
            List<I> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            List<O> out = runBatch(batch);
            if (out.size() != batch.size()) {
                throw new IllegalStateException(translator.getClass().getSimpleName() + " returned " + out.size()
                        + " results for a batch of " + batch.size());
            }
            results.addAll(out);
        }
        return results;
    }

    private List<O> runBatch(List<I> batch) {
        Tensors in = translator.preprocess(batch, model.signature());
        try (OnnxInputs inputs = model.newInputs()) {
            for (String name : in.names()) {
                if (in.get(name) instanceof FloatTensor f) {
                    inputs.floats(name, f.data(), f.shape());
                } else if (in.get(name) instanceof LongTensor l) {
                    inputs.longs(name, l.data(), l.shape());
                }
            }
            long start = System.nanoTime();
            try (OnnxOutputs outputs = model.run(inputs, translator.outputs())) {
                runNanos.addAndGet(System.nanoTime() - start);
                items.addAndGet(batch.size());
                return translator.postprocess(batch, outputs.copy(translator.outputs()));
            }
        }
    }

    public OnnxModel model() {
        return model;
    }

    /** Items run so far and the time spent inside ONNX Runtime for them. */
    public Stats stats() {
        return new Stats(items.get(), Duration.ofNanos(runNanos.get()));
    }

    /** @param inference time inside {@code session.run}, excluding pre- and postprocessing */
    public record Stats(long items, Duration inference) {
    }
}
