package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;
import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.FloatTensor;
import dev.tagline.inference.onnx.ModelSignature;
import dev.tagline.inference.onnx.Tensors;
import dev.tagline.inference.onnx.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WD tagger pre- and postprocessing, as SmilingWolf/wd-tagger app.py {@code prepare_image} and {@code predict}: pad
 * to a centred white square, PIL bicubic resize to the model's size, BGR, float 0–255, NHWC; the outputs are already
 * probabilities (no sigmoid), output <i>i</i> = row <i>i</i> of {@code selected_tags.csv}. Items are the per-image
 * inputs {@link #tensor} made on the worker threads, as bytes: the values are the resampler's whole numbers 0–255, and
 * 602 KB per 448×448 image stays out of the collector's humongous regions where 2.4 MB of floats does not.
 */
final class WdTranslator implements Translator<byte[], ScoredTags> {
    /** app.py: {@code Image.new("RGB", (max_dim, max_dim), (255, 255, 255))}. */
    static final int PAD_COLOUR = 0xFFFFFF;

    private final java.nio.file.Path model;
    private final SelectedTags tags;
    private final int size;
    private final String input;
    private final String output;

    WdTranslator(java.nio.file.Path model, SelectedTags tags, int size, String input, String output) {
        this.model = model;
        this.tags = tags;
        this.size = size;
        this.input = input;
        this.output = output;
    }

    /** One image as the model's {@code [size, size, 3]} BGR input, 0–255 (app.py {@code prepare_image}). */
    static byte[] tensor(RgbImage image, int size) {
        int side = Math.max(image.width(), image.height());
        byte[] bgr = new byte[size * size * 3];
        int stride = size * 3;
        // straight from the resampler's rows: no packed RGB image in between
        PilResample.resize(image, side, side, (side - image.width()) / 2, (side - image.height()) / 2, PAD_COLOUR,
                size, size, PilResample.Filter.BICUBIC, (y, rgb) -> {
                    for (int i = 0, o = y * stride; i < stride; i += 3, o += 3) {
                        bgr[o] = (byte) rgb[i + 2];
                        bgr[o + 1] = (byte) rgb[i + 1];
                        bgr[o + 2] = (byte) rgb[i];
                    }
                });
        return bgr;
    }

    @Override
    public Tensors preprocess(List<byte[]> batch, ModelSignature signature) {
        return new Tensors().byteParts(input, batch, batch.size(), size, size, 3);
    }

    @Override
    public List<ScoredTags> postprocess(List<byte[]> batch, Tensors outputs) {
        FloatTensor scores = outputs.floats(output);
        int width = scores.data().length / batch.size();
        if (width != tags.size()) {
            throw mismatch(width);
        }
        List<ScoredTags> out = new ArrayList<>(batch.size());
        float[] data = scores.data();
        for (int i = 0; i < batch.size(); i++) {
            List<ScoredTag> row = new ArrayList<>(width);
            for (int j = 0; j < width; j++) {
                float p = data[i * width + j];
                row.add(new ScoredTag(tags.names().get(j), p > 1 ? 1 : p >= 0 ? p : 0, tags.categories().get(j), j));
            }
            out.add(ScoredTags.candidates(row));
        }
        return out;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(output);
    }

    TaglineException mismatch(long outputs) {
        return new TaglineException("Model " + model + " gives " + outputs + " scores per image but " + tags.file() + " lists "
                + tags.size() + " tags", "model.onnx and selected_tags.csv must come from the same WD tagger"
                + " release: put both files of one repository in the --model-path folder.");
    }
}
