package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;
import dev.tagline.inference.onnx.FloatTensor;
import dev.tagline.inference.onnx.ModelSignature;
import dev.tagline.inference.onnx.Tensors;
import dev.tagline.inference.onnx.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RAM++ pre- and postprocessing (recognize-anything {@code ram/transform.py}, {@code ram_plus.py}): squash-resize to
 * the model's size with PIL bilinear (torchvision {@code Resize} on a PIL image), {@code ToTensor} (0–1), ImageNet
 * {@code Normalize}, NCHW; the ONNX exports give logits, so sigmoid, then a tag is kept when its probability is above
 * its class threshold (strict {@code >}).
 */
final class RamTranslator implements Translator<float[], ScoredTags> {
    /** ram/transform.py: ImageNet mean and std. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final List<String> tags;
    private final float[] thresholds;
    private final int size;
    private final String input;
    private final String output;

    RamTranslator(List<String> tags, float[] thresholds, int size, String input, String output) {
        this.tags = List.copyOf(tags);
        this.thresholds = thresholds.clone();
        this.size = size;
        this.input = input;
        this.output = output;
    }

    /** One image as the model's {@code [3, size, size]} input. */
    static float[] tensor(RgbImage image, int size) {
        byte[] rgb = PilResample.resize(image, image.width(), image.height(), 0, 0, 0, size, size,
                PilResample.Filter.BILINEAR);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = ((rgb[p + c] & 0xff) / 255f - MEAN[c]) / STD[c];
            }
        }
        return chw;
    }

    @Override
    public Tensors preprocess(List<float[]> batch, ModelSignature signature) {
        return new Tensors().floatParts(input, batch, batch.size(), 3, size, size);
    }

    @Override
    public List<ScoredTags> postprocess(List<float[]> batch, Tensors outputs) {
        FloatTensor logits = outputs.floats(output);
        int width = logits.data().length / batch.size();
        List<ScoredTags> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<ScoredTag> kept = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                double p = 1 / (1 + Math.exp(-logits.data()[i * width + j]));
                if (p > thresholds[j]) {
                    kept.add(new ScoredTag(tags.get(j), p, TagCategory.GENERAL, j));
                }
            }
            out.add(new ScoredTags(kept));
        }
        return out;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(output);
    }
}
