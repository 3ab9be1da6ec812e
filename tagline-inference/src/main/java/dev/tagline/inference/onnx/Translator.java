package dev.tagline.inference.onnx;

import java.util.List;
import java.util.Set;

/**
 * The model-specific, pure part of running a model: items → input tensors, output tensors → results. No session, no
 * files, no clock, so each translator is unit-tested on hand-built {@link Tensors}; a {@link Predictor} does the rest.
 *
 * @param <I> one item, e.g. a decoded image
 * @param <O> its result, e.g. scored tags
 */
public interface Translator<I, O> {
    /** The model inputs for one batch, named as {@link ModelSignature} reports them. */
    Tensors preprocess(List<I> batch, ModelSignature signature);

    /** One result per batch item, in batch order, from the outputs named in {@link #outputs}. */
    List<O> postprocess(List<I> batch, Tensors outputs);

    /** The outputs {@link #postprocess} reads; empty (the default) means all of them. */
    default Set<String> outputs() {
        return Set.of();
    }
}
