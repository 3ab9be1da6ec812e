package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.ModelSignature;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.Predictor;
import dev.tagline.inference.onnx.TensorSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * SmilingWolf's WD taggers (v3 and v2) on ONNX Runtime. The input size and whether the batch dim is open (v3) or fixed
 * at 1 (v2; sd-scripts then forces batch 1 too) are read from the model. Outputs every tag with its probability;
 * {@link TagRules} thresholds them. {@link #prepare} is thread-safe; {@link #tagPrepared} is called from one thread.
 */
public final class WdTagger implements ImageTagger {
    private final String id;
    private final String revision;
    private final OnnxModel model;
    private final int size;
    private final int maxBatch;
    private final Predictor<byte[], ScoredTags> predictor;

    private WdTagger(String id, String revision, OnnxModel model, int size, int maxBatch, WdTranslator translator) {
        this.id = id;
        this.revision = revision;
        this.model = model;
        this.size = size;
        this.maxBatch = maxBatch;
        this.predictor = new Predictor<>(model, translator, maxBatch);
    }

    /**
     * A tagger for {@code model} with the vocabulary in {@code selectedTags}; runs at most {@code batchSize} images
     * per call (fewer when the model fixes its batch). Fails naming both files when they do not belong together.
     */
    public static WdTagger open(String id, String revision, OnnxModel model, Path selectedTags, int batchSize) {
        ModelSignature sig = model.signature();
        TensorSpec in = sig.input(0);
        if (in.rank() != 4 || in.dim(3) != 3 || in.dim(1) <= 0 || in.dim(1) != in.dim(2)) {
            throw new TaglineException("Model " + model.file() + " takes " + in + ", not a WD tagger's NHWC image"
                    + " [N,size,size,3]", "Use a SmilingWolf WD tagger's model.onnx (--model-path).");
        }
        TensorSpec out = sig.output(0);
        SelectedTags tags = SelectedTags.read(selectedTags);
        WdTranslator translator = new WdTranslator(model.file(), tags, (int) in.dim(1), in.name(), out.name());
        if (out.rank() != 2) {
            throw new TaglineException("Model " + model.file() + " gives " + out + ", not [N,tags]",
                    "Use a SmilingWolf WD tagger's model.onnx (--model-path).");
        }
        if (out.dim(1) >= 0 && out.dim(1) != tags.size()) {
            throw translator.mismatch(out.dim(1));
        }
        int batch = in.dim(0) > 0 ? (int) in.dim(0) : Math.max(1, batchSize);
        return new WdTagger(id, revision, model, (int) in.dim(1), batch, translator);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public String describe() {
        return id + " (" + revision + "): " + model.describe() + ", input " + size + "x" + size + ", batch "
                + (model.signature().input(0).dim(0) > 0 ? "fixed at " + maxBatch : "up to " + maxBatch);
    }

    /** The model's square input side, read from the session (448 for the released models). */
    public int inputSize() {
        return size;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public Prepared prepare(TaggerInput input) {
        return new Prepared(null, WdTranslator.tensor(input.image(), size));
    }

    @Override
    public List<ScoredTags> tagPrepared(List<Prepared> batch) {
        return predictor.predict(batch.stream().map(p -> p.tensor(byte[].class)).toList());
    }

    /** Items run and time spent inside ONNX Runtime so far. */
    public Predictor.Stats stats() {
        return predictor.stats();
    }
}
