package dev.tagline.images.caption.florence;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation on {@code decoder_model_merged} with its key/value cache (reference/captioning.md §4.5 steps 5–6):
 * the first step runs {@code use_cache_branch = false} with empty past tensors {@code [rows, heads, 0, head_dim]};
 * later steps feed only the new tokens and pass {@code present.*} back as {@code past_key_values.*}. The encoder's
 * keys and values come from the first step only: in the cache branch the merged export gives placeholders for them.
 * Between steps the rows of the decoder cache are reordered to follow their beams. Not thread-safe.
 */
final class DecoderRun implements AutoCloseable, TokenScorer {
    private static final String[] PARTS = {"decoder.key", "decoder.value", "encoder.key", "encoder.value"};
    private final FlorenceGraphs graphs;
    private final int rows;
    private final OnnxTensor encoderHidden;
    private final OnnxTensor encoderMask;
    private final List<AutoCloseable> owned = new ArrayList<>();
    /** Per layer: decoder key, decoder value, encoder key, encoder value. */
    private final OnnxTensor[] past;
    private final List<AutoCloseable> stepOwned = new ArrayList<>();
    private OrtSession.Result firstResult;
    private int steps;

    /** {@code perImage} rows for each image of {@code encoded}. */
    DecoderRun(FlorenceGraphs graphs, FlorenceGraphs.Encoded encoded, int perImage) {
        this.graphs = graphs;
        this.rows = encoded.images() * perImage;
        this.past = new OnnxTensor[graphs.layers * 4];
        int[] images = new int[rows];
        long[] mask = new long[rows * encoded.length];
        for (int r = 0; r < rows; r++) {
            images[r] = r / perImage;
            Arrays.fill(mask, r * encoded.length, r * encoded.length + encoded.lengths[images[r]], 1);
        }
        if (perImage == 1) {
            encoderHidden = encoded.hidden;
        } else {
            encoderHidden = graphs.values.gatherRows(encoded.hidden, images);
            owned.add(encoderHidden);
        }
        encoderMask = graphs.values.longs(mask, rows, encoded.length);
        owned.add(encoderMask);
    }

    @Override
    public float[][] step(int[] parents, long[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
        }
        if (steps > 0 && parents != null && !identity(parents)) {
            reorder(parents);
        }
        return run(tokens, 1);
    }

    /**
     * The last position's logits of {@code prefix} decoded in one call without a cache (the first step of a run,
     * given the whole prefix); for tests that compare it with step-by-step decoding. Only on a fresh 1-row run.
     */
    float[] logitsWithoutCache(long[] prefix) {
        if (steps > 0 || rows != 1) {
            throw new IllegalStateException("logitsWithoutCache needs a fresh one-row run");
        }
        return run(prefix, prefix.length)[0];
    }

    /**
     * The inputs the next step would get besides its embeddings and {@code use_cache_branch}: encoder states, mask and
     * the cache as it is now. Still owned by this run; for benchmarks that time the bare decoder.
     */
    Map<String, OnnxTensor> cacheInputs() {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        inputs.put("encoder_hidden_states", encoderHidden);
        inputs.put("encoder_attention_mask", encoderMask);
        for (int l = 0; l < graphs.layers; l++) {
            for (int part = 0; part < 4; part++) {
                inputs.put("past_key_values." + l + "." + PARTS[part], past[l * 4 + part]);
            }
        }
        return inputs;
    }

    private float[][] run(long[] tokens, int length) {
        OnnxJavaType floatType = FlorenceGraphs.type(graphs.decoder, "encoder_hidden_states");
        Map<String, OnnxTensor> inputs = cacheInputs();
        inputs.replaceAll((name, value) -> value != null ? value
                : own(graphs.values.empty(floatType, rows, graphs.heads, 0, graphs.headDim)));
        try (OrtSession.Result embedded = graphs.embed(tokens, length);
             OnnxTensor useCache = graphs.values.flag(steps > 0)) {
            inputs.put("inputs_embeds", OrtValues.output(graphs.embed, embedded, "inputs_embeds"));
            inputs.put("use_cache_branch", useCache);
            OrtSession.Result result = FlorenceGraphs.run(graphs.decoder, inputs);
            float[][] logits = OrtValues.lastPosition(OrtValues.output(graphs.decoder, result, "logits"));
            closeStepValues();
            for (int l = 0; l < graphs.layers; l++) {
                for (int part = 0; part < 4; part++) {
                    if (part < 2 || steps == 0) { // the encoder's from the first step only (placeholders later)
                        past[l * 4 + part] = OrtValues.output(graphs.decoder, result, "present." + l + "."
                                + PARTS[part]);
                    }
                }
            }
            if (steps == 0) {
                firstResult = result; // holds the encoder keys and values for the whole run
            } else {
                stepOwned.add(result);
            }
            steps++;
            return logits;
        }
    }

    /** {@code value}, closed with the values of the current step. */
    private OnnxTensor own(OnnxTensor value) {
        stepOwned.add(value);
        return value;
    }

    /** Rows of the decoder cache follow their beams: row i continues what row {@code parents[i]} was. */
    private void reorder(int[] parents) {
        List<AutoCloseable> copies = new ArrayList<>();
        for (int l = 0; l < graphs.layers; l++) {
            for (int part = 0; part < 2; part++) {
                OnnxTensor copy = graphs.values.gatherRows(past[l * 4 + part], parents);
                copies.add(copy);
                past[l * 4 + part] = copy;
            }
        }
        closeStepValues();
        stepOwned.addAll(copies);
    }

    private boolean identity(int[] parents) {
        for (int i = 0; i < parents.length; i++) {
            if (parents[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Closes what backed the previous step's decoder cache (its result or reordered copies). */
    private void closeStepValues() {
        for (AutoCloseable value : stepOwned) {
            closeQuietly(value);
        }
        stepOwned.clear();
    }

    @Override
    public void close() {
        closeStepValues();
        if (firstResult != null) {
            firstResult.close();
        }
        owned.forEach(DecoderRun::closeQuietly);
        owned.clear();
    }

    private static void closeQuietly(AutoCloseable value) {
        try {
            value.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing an ONNX Runtime value failed", e);
        }
    }
}
