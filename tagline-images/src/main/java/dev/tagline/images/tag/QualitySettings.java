package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextReader;

/**
 * Thresholds of the {@code quality} tagger; every one is a settings key ({@code tag.quality.<key>}) documented in
 * docs/builtin-models.md. Fractions are of the image unless said otherwise.
 *
 * @param minShortSide {@code lowres} below this many pixels on the short side (Danbooru: "lowres" ≈ under 500 px)
 * @param blurThreshold {@code blurry} below this normalised Laplacian variance (measured at 512 px)
 * @param jpegQuality {@code jpeg artifacts} below this estimated IJG quality
 * @param greyChroma a pixel is grey when max − min of its R, G, B is at most this (0–255)
 * @param greyShare {@code greyscale} (and {@code monochrome}) above this share of grey pixels
 * @param monochromeHueSpread {@code monochrome} below this hue spread, in degrees, over coloured pixels
 * @param darkLuma {@code dark} below this mean luma (0–1)
 * @param brightLuma {@code bright} above this mean luma (0–1)
 * @param textConfidence {@code text} when a line is read with at least this confidence
 * @param englishShare {@code english text} when at least this share of the letters read are Latin
 * @param watermarkHeight {@code watermark}: text lines at most this fraction of the image height ...
 * @param watermarkEdge ... lying within this fraction of an edge (corner or border band), or ...
 * @param watermarkContrast ... of luma contrast (p90 − p10 inside the line box) below this, anywhere
 * @param faceScore faces count from this detector score
 * @param minFace ... and from this height as a fraction of the image's short side
 * @param portraitFace {@code portrait} when the single face is at least this fraction of the image height
 * @param closeUpFace {@code close-up} (instead of portrait) from this fraction
 * @param ocrMaxSide longest side the OCR detector sees (lower is faster; PaddleOCR's default is 960)
 * @param ocrMaxLines lines recognised per image, the largest first (one recogniser batch by default)
 */
public record QualitySettings(int minShortSide, double blurThreshold, int jpegQuality, int greyChroma,
        double greyShare, double monochromeHueSpread, double darkLuma, double brightLuma, double textConfidence,
        double englishShare, double watermarkHeight, double watermarkEdge, double watermarkContrast, double faceScore,
        double minFace, double portraitFace, double closeUpFace, int ocrMaxSide, int ocrMaxLines) {

    public static final QualitySettings DEFAULTS = new QualitySettings(512, 0.01, 60, 12, 0.99, 10, 0.2, 0.8, 0.8,
            0.9, 0.05, 0.15, 0.25, 0.6, 0.03, 0.2, 0.45, 640, 6);

    public QualitySettings {
        positive("min-short-side", minShortSide);
        positive("blur-threshold", blurThreshold);
        range("jpeg-quality", jpegQuality, 1, 100);
        range("grey-chroma", greyChroma, 0, 255);
        range("grey-share", greyShare, 0, 1);
        range("monochrome-hue-spread", monochromeHueSpread, 0, 180);
        range("dark-luma", darkLuma, 0, 1);
        range("bright-luma", brightLuma, 0, 1);
        if (darkLuma >= brightLuma) {
            throw new TaglineException("tag.quality.dark-luma (" + darkLuma + ") must be below tag.quality.bright-luma ("
                    + brightLuma + ")", "The defaults are 0.2 and 0.8.");
        }
        range("text-confidence", textConfidence, 0, 1);
        range("english-share", englishShare, 0, 1);
        range("watermark-height", watermarkHeight, 0, 1);
        range("watermark-edge", watermarkEdge, 0, 0.5);
        range("watermark-contrast", watermarkContrast, 0, 1);
        range("face-score", faceScore, 0, 1);
        range("min-face", minFace, 0, 1);
        range("portrait-face", portraitFace, 0, 1);
        range("close-up-face", closeUpFace, portraitFace, 1);
        range("ocr-max-side", ocrMaxSide, 32, 4096);
        range("ocr-max-lines", ocrMaxLines, 1, 1000);
    }

    /** The settings to open the tagger's {@link TextReader} with. */
    public OcrSettings ocrSettings() {
        return OcrSettings.DEFAULTS.withDetMaxSide(ocrMaxSide).withMaxLines(ocrMaxLines);
    }

    private static void positive(String key, double value) {
        if (!(value > 0)) {
            throw new TaglineException("tag.quality." + key + " must be positive, got " + value,
                    "See docs/builtin-models.md for the defaults.");
        }
    }

    private static void range(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new TaglineException("tag.quality." + key + " must be in [" + min + ", " + max + "], got " + value,
                    "See docs/builtin-models.md for the defaults.");
        }
    }
}
