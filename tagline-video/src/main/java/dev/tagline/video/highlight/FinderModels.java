package dev.tagline.video.highlight;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.video.signal.ScreenTextReader;
import java.util.Optional;

/**
 * The models {@link ClipFinder} uses besides FFmpeg. The finder asks for each only when the video needs it (speech
 * activity when there is sound, on-screen text when there are pictures, the embedder when there is a transcript), so
 * an implementation may fetch and load a model on first use. Empty means the signal is not available; the finder
 * says so in its notes. Called from the finder's thread; close it when the finder is done.
 */
public interface FinderModels extends AutoCloseable {
    /** Silero VAD, opened with {@link dev.tagline.video.signal.SpeechActivityAnalyser#RULES}. */
    Optional<SpeechDetector> speech();

    Optional<ScreenTextReader> screenText();

    /** Reads the frames {@link SharpScreenText} takes from the source after the pass; by default the pass's reader. */
    default Optional<ScreenTextReader> sourceText() {
        return screenText();
    }

    SentenceSplitter sentences();

    /** Sentence embeddings for topic segments ({@link TextTiler}). */
    Optional<SentenceEmbedder> embedder();

    @Override
    default void close() {
    }

    /**
     * The built-in models (Silero VAD, PaddleOCR, OpenNLP, MiniLM), each pulled and loaded when first asked for, on
     * the threads {@code models} has been given by default: OCR during the decoding pass takes half of them.
     */
    static FinderModels builtin(BuiltinModels models) {
        return new BuiltinFinderModels(models, false, false);
    }

    /** {@link #builtin(BuiltinModels)}; with {@code threadsChosen} (the user's {@code --threads}) OCR uses them all. */
    static FinderModels builtin(BuiltinModels models, boolean threadsChosen) {
        return new BuiltinFinderModels(models, threadsChosen, false);
    }

    /**
     * {@link #builtin(BuiltinModels, boolean)}; with {@code sharpText} the kept clips' text is read at
     * {@link dev.tagline.video.signal.PaddleScreenText#SHARP_WIDTH} ({@code clips find --sharp-text}).
     */
    static FinderModels builtin(BuiltinModels models, boolean threadsChosen, boolean sharpText) {
        return new BuiltinFinderModels(models, threadsChosen, sharpText);
    }

    /** No models: speech between pauses, no on-screen text, no topics; OpenNLP sentences (on the classpath). */
    static FinderModels none() {
        OpenNlpSentences sentences = OpenNlpSentences.english();
        return new FinderModels() {
            @Override
            public Optional<SpeechDetector> speech() {
                return Optional.empty();
            }

            @Override
            public Optional<ScreenTextReader> screenText() {
                return Optional.empty();
            }

            @Override
            public SentenceSplitter sentences() {
                return sentences;
            }

            @Override
            public Optional<SentenceEmbedder> embedder() {
                return Optional.empty();
            }
        };
    }
}
