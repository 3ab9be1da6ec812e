package dev.tagline.inference.text;

import dev.tagline.core.TaglineException;

/**
 * @param batchSize texts per model call
 * @param maxTokens truncation length in word pieces, special tokens included (AllMiniLmL6V2EmbeddingModel javadoc:
 *     at most 256 recommended)
 */
public record EmbedderSettings(int batchSize, int maxTokens) {
    public static final EmbedderSettings DEFAULTS = new EmbedderSettings(16, 256);

    public EmbedderSettings {
        if (batchSize < 1) {
            throw new TaglineException("embeddings.batch-size must be at least 1, got " + batchSize, "The default is 16.");
        }
        if (maxTokens < 3 || maxTokens > 512) {
            throw new TaglineException("embeddings.max-tokens must be in [3, 512], got " + maxTokens,
                    "MiniLM has 512 positions; the default is 256.");
        }
    }
}
