package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.Predictor;
import dev.tagline.inference.onnx.TensorSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * RAM++ (recognize-anything) from a public ONNX export such as {@code benjaminjonard/ram-plus-onnx}: {@code model.onnx}
 * (image {@code [1,3,384,384]} → logits {@code [1,4585]}), {@code tags.txt} (one English tag a line) and, optionally,
 * {@code thresholds.txt} (one class threshold a line). Tags are decided here with those thresholds, so
 * {@link TagRules}' thresholds do not apply to them. {@link #prepare} is thread-safe.
 */
public final class RamTagger implements ImageTagger {
    /** ram_plus.py: the global threshold when no class-wise one is given. */
    public static final double DEFAULT_THRESHOLD = 0.68;

    private final String id;
    private final String revision;
    private final OnnxModel model;
    private final int size;
    private final int maxBatch;
    private final String thresholdSource;
    private final Predictor<float[], ScoredTags> predictor;

    private RamTagger(String id, String revision, OnnxModel model, int size, int maxBatch, String thresholdSource,
                      RamTranslator translator) {
        this.id = id;
        this.revision = revision;
        this.model = model;
        this.size = size;
        this.maxBatch = maxBatch;
        this.thresholdSource = thresholdSource;
        this.predictor = new Predictor<>(model, translator, maxBatch);
    }

    /**
     * @param threshold one threshold for every class (RA {@code --threshold}); empty to use {@code thresholds} when
     *                  that file exists, else {@value #DEFAULT_THRESHOLD}
     */
    public static RamTagger open(String id, String revision, OnnxModel model, Path tagsFile, Path thresholds,
                                 OptionalDouble threshold, int batchSize) {
        TensorSpec in = model.signature().input(0);
        if (in.rank() != 4 || in.dim(1) != 3 || in.dim(2) <= 0 || in.dim(2) != in.dim(3)) {
            throw new TaglineException("Model " + model.file() + " takes " + in + ", not RAM++'s NCHW image"
                    + " [1,3,384,384]", "Use a RAM++ ONNX export's model.onnx (--model-path).");
        }
        TensorSpec out = model.signature().output(0);
        List<String> tags = lines(tagsFile);
        if (out.rank() != 2 || out.dim(1) >= 0 && out.dim(1) != tags.size()) {
            throw new TaglineException("Model " + model.file() + " gives " + out + " but " + tagsFile + " lists "
                    + tags.size() + " tags", "model.onnx and tags.txt must come from the same RAM++ export.");
        }
        float[] perClass = new float[tags.size()];
        String source;
        if (threshold.isPresent() || thresholds == null || !Files.isRegularFile(thresholds)) {
            Arrays.fill(perClass, (float) threshold.orElse(DEFAULT_THRESHOLD));
            source = "threshold " + threshold.orElse(DEFAULT_THRESHOLD);
        } else {
            perClass = classThresholds(thresholds, tags.size());
            source = "class thresholds from " + thresholds.getFileName();
        }
        int batch = in.dim(0) > 0 ? (int) in.dim(0) : Math.max(1, batchSize);
        return new RamTagger(id, revision, model, (int) in.dim(2), batch, source,
                new RamTranslator(tags, perClass, (int) in.dim(2), in.name(), out.name()));
    }

    private static float[] classThresholds(Path file, int count) {
        List<String> lines = lines(file);
        if (lines.size() != count) {
            throw new TaglineException(file + " has " + lines.size() + " thresholds for " + count + " tags",
                    "Use the thresholds.txt of the same RAM++ export, or pass --threshold to use one for all.");
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Float.parseFloat(lines.get(i));
            } catch (NumberFormatException e) {
                throw new TaglineException(file + " line " + (i + 1) + " is '" + lines.get(i) + "', not a number",
                        "Use the thresholds.txt of the same RAM++ export, or pass --threshold.", e);
            }
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(),
                    "Check the RAM++ model folder (--model-path).", e);
        }
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
        return id + " (" + revision + "): " + model.describe() + ", input " + size + "x" + size + ", "
                + thresholdSource;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public Prepared prepare(TaggerInput input) {
        return new Prepared(null, RamTranslator.tensor(input.image(), size));
    }

    @Override
    public List<ScoredTags> tagPrepared(List<Prepared> batch) {
        return predictor.predict(batch.stream().map(p -> p.tensor(float[].class)).toList());
    }
}
