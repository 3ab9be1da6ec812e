package dev.tagline.inference;

import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.speech.SpeechSettings;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.ResolvedModel;
import dev.tagline.inference.text.EmbedderSettings;
import dev.tagline.inference.text.SentenceSplitter;
import dev.tagline.inference.text.TextEmbedder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in perception models, opened on first use: each model's files come from the {@link ModelStore} by
 * catalog id (pulled, with the store's progress, the first time), and its sessions from the shared
 * {@link OnnxSessions} with one {@link SessionConfig} ({@code --device}, {@code --threads}), so they are cached and
 * announced like every other model. Nothing is fetched or loaded before a method asks for it. Thread-safe; owns
 * neither the store nor the sessions (the application closes those).
 */
public final class BuiltinModels {
    /** Catalog ids (catalog.json). */
    public static final String FACES = "blazeface";
    public static final String OCR = "paddleocr-ppocrv4";
    public static final String SPEECH = "silero-vad";
    public static final String EMBEDDINGS = "all-minilm-l6-v2";

    private final ModelStore store;
    private final OnnxSessions sessions;
    private final SessionConfig config;
    private final Map<String, ResolvedModel> files;

    private BuiltinModels(ModelStore store, OnnxSessions sessions, SessionConfig config,
                          Map<String, ResolvedModel> files) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.files = files;
    }

    /** Models from {@code store}, run through {@code sessions} with {@code config}; nothing is pulled yet. */
    public static BuiltinModels open(ModelStore store, OnnxSessions sessions, SessionConfig config) {
        return new BuiltinModels(store, sessions, config, new ConcurrentHashMap<>());
    }

    /** The same models (store, sessions, files already resolved) opened with {@code other} instead. */
    public BuiltinModels withConfig(SessionConfig other) {
        return other.equals(config) ? this : new BuiltinModels(store, sessions, other, files);
    }

    public SessionConfig config() {
        return config;
    }

    public FaceDetector faces(FaceSettings settings) {
        return FaceDetector.open(files(FACES), sessions, config, settings);
    }

    public TextReader textReader(OcrSettings settings) {
        return TextReader.open(files(OCR), sessions, config, settings);
    }

    /** Silero VAD; it runs on one intra-op thread whatever {@code --threads} says (see {@link SpeechDetector#open}). */
    public SpeechDetector speech(SpeechSettings settings) {
        return SpeechDetector.open(files(SPEECH), sessions, config, settings);
    }

    /** MiniLM; the caller closes it (its tokenizer). */
    public TextEmbedder embedder(EmbedderSettings settings) {
        return TextEmbedder.open(files(EMBEDDINGS), sessions, config, settings);
    }

    /** OpenNLP's English sentence model, from the classpath (no download). */
    public SentenceSplitter sentences() {
        return SentenceSplitter.english();
    }

    /** The model's files, pulled through the store the first time this instance is asked for them. */
    private ResolvedModel files(String id) {
        return files.computeIfAbsent(id, store::resolve);
    }
}
