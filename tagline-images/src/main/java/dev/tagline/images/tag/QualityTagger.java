package dev.tagline.images.tag;

import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.ocr.TextReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The default tagger of {@code tagline tag}: image-quality and content tags in Danbooru vocabulary from pixel
 * statistics, the JPEG quantisation tables, BlazeFace and PaddleOCR. Works offline with the built-in models.
 * Thread-safe when its detector and reader are (the built-in ones are). It does not own them.
 */
public final class QualityTagger implements ImageTagger {
    /** Pixel statistics run on the image scaled to this long side. */
    static final int ANALYSIS_SIDE = 512;
    private final FaceDetector faces;
    private final TextReader text;
    private final QualitySettings settings;

    /**
     * @param text a reader opened with {@code detMaxSide = settings.ocrMaxSide()} for speed
     */
    public QualityTagger(FaceDetector faces, TextReader text, QualitySettings settings) {
        this.faces = faces;
        this.text = text;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "quality";
    }

    @Override
    public String describe() {
        return "quality (built-in BlazeFace and PaddleOCR PP-OCRv4): " + faces.describe() + "; " + text.describe();
    }

    @Override
    public List<ScoredTags> tag(List<TaggerInput> batch) {
        List<ScoredTags> out = new ArrayList<>(batch.size());
        for (TaggerInput input : batch) {
            out.add(tagOne(input));
        }
        return out;
    }

    private ScoredTags tagOne(TaggerInput input) {
        BufferedImage image = input.bufferedImage(); // convert once for all the analyses
        int w = image.getWidth();
        int h = image.getHeight();
        QualitySettings s = settings;
        List<ScoredTag> tags = new ArrayList<>();
        LumaPlane plane = LumaPlane.of(image, ANALYSIS_SIDE);
        int shortSide = Math.min(w, h);
        add(tags, "lowres", Margin.below(shortSide, s.minShortSide(), s.minShortSide() * 0.25));
        double sharpness = Sharpness.of(plane);
        if (!Double.isNaN(sharpness)) {
            add(tags, "blurry", Margin.below(sharpness, s.blurThreshold(), s.blurThreshold() * 0.3));
        }
        OptionalInt quality = input.file().map(JpegQuality::estimate).orElse(OptionalInt.empty());
        if (quality.isPresent()) {
            add(tags, "jpeg artifacts", Margin.below(quality.getAsInt(), s.jpegQuality(), 10));
        }
        ColourStats colour = ColourStats.of(plane, s.greyChroma());
        double grey = Margin.above(colour.greyShare(), s.greyShare(), 0.005);
        add(tags, "greyscale", grey);
        double oneHue = colour.greyShare() < 1 ? Margin.below(colour.hueSpreadDegrees(), s.monochromeHueSpread(), 3) : 0;
        add(tags, "monochrome", Math.max(grey, oneHue)); // Danbooru: greyscale images are monochrome too
        double luma = plane.meanLuma();
        add(tags, "dark", Margin.below(luma, s.darkLuma(), 0.05));
        add(tags, "bright", Margin.above(luma, s.brightLuma(), 0.05));
        tags.addAll(FaceSignals.tags(faces.detect(image), w, h, s));
        tags.addAll(TextSignals.tags(text.read(image), plane, w, h, s));
        return new ScoredTags(tags);
    }

    /** Adds the tag when its score says the measure is past the threshold. */
    private static void add(List<ScoredTag> tags, String name, double score) {
        if (score > 0.5) {
            tags.add(new ScoredTag(name, score));
        }
    }
}
