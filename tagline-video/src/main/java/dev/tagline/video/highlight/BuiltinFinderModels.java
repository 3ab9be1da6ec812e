package dev.tagline.video.highlight;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.text.EmbedderSettings;
import dev.tagline.inference.text.TextEmbedder;
import dev.tagline.video.signal.PaddleScreenText;
import dev.tagline.video.signal.ScreenTextReader;
import dev.tagline.video.signal.SpeechActivityAnalyser;
import java.util.Optional;

/** {@link FinderModels} on the built-in models; each is opened (and pulled through the store) on first use. */
final class BuiltinFinderModels implements FinderModels {
    private final BuiltinModels models;
    private final boolean threadsChosen;
    private final boolean sharpText;
    private SpeechDetector speech;
    private ScreenTextReader screenText;
    private ScreenTextReader sharpReader;
    private SentenceSplitter sentences;
    private TextEmbedder embedder;

    BuiltinFinderModels(BuiltinModels models, boolean threadsChosen, boolean sharpText) {
        this.models = models;
        this.threadsChosen = threadsChosen;
        this.sharpText = sharpText;
    }

    @Override
    public synchronized Optional<SpeechDetector> speech() {
        if (speech == null) {
            speech = models.speech(SpeechActivityAnalyser.RULES);
        }
        return Optional.of(speech);
    }

    @Override
    public synchronized Optional<ScreenTextReader> screenText() {
        if (screenText == null) {
            screenText = new PaddleScreenText(passModels().textReader(OcrSettings.DEFAULTS.withDetMaxSide(
                    PaddleScreenText.DET_MAX_SIDE)));
        }
        return Optional.of(screenText);
    }

    /**
     * With {@code --sharp-text}, PaddleOCR at {@link PaddleScreenText#SHARP_WIDTH} with the detector at
     * {@link PaddleScreenText#SHARP_DET_MAX_SIDE}, on the pass's model sessions (a second set would hold its own
     * memory for a few readings); else the pass's reader.
     */
    @Override
    public synchronized Optional<ScreenTextReader> sourceText() {
        if (!sharpText) {
            return screenText();
        }
        if (sharpReader == null) {
            sharpReader = new PaddleScreenText(passModels().textReader(OcrSettings.DEFAULTS.withDetMaxSide(
                    PaddleScreenText.SHARP_DET_MAX_SIDE)), PaddleScreenText.SHARP_WIDTH);
        }
        return Optional.of(sharpReader);
    }

    /** The models on the threads OCR takes during the pass ({@link #passThreads}, or the user's choice). */
    private BuiltinModels passModels() {
        SessionConfig config = models.config();
        int threads = threadsChosen ? config.intraOpThreads() : passThreads(config.intraOpThreads());
        return models.withConfig(config.withIntraOpThreads(threads));
    }

    /**
     * Intra-op threads for OCR during the decoding pass when the user chose none: it runs while FFmpeg decodes the
     * video on the other cores, so it takes half of the default {@code threads} (1 of 2): on a 2-core machine a second
     * OCR thread only took CPU from the decoder and cost ~14 % more CPU per reading in hand-offs.
     */
    static int passThreads(int threads) {
        return Math.max(1, threads / 2);
    }

    @Override
    public synchronized SentenceSplitter sentences() {
        if (sentences == null) {
            sentences = new OpenNlpSentences(models.sentences());
        }
        return sentences;
    }

    @Override
    public synchronized Optional<SentenceEmbedder> embedder() {
        if (embedder == null) {
            embedder = models.embedder(EmbedderSettings.DEFAULTS);
        }
        TextEmbedder opened = embedder;
        return Optional.of(texts -> opened.embed(texts).toArray(float[][]::new));
    }

    @Override
    public synchronized void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
