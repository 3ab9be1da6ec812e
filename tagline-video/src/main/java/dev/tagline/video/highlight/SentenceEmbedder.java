package dev.tagline.video.highlight;

import java.util.List;

/**
 * One vector per sentence, for {@link TextTiler}. MiniLM ({@code dev.tagline.inference.text}, all-MiniLM-L6-v2,
 * 384 dimensions) plugs in here.
 */
@FunctionalInterface
public interface SentenceEmbedder {
    /** Vectors of equal length, one per sentence, in order. */
    float[][] embed(List<String> sentences);
}
