package dev.tagline.inference.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderIT {
    private static TextEmbedder embedder;

    @BeforeAll
    static void open() {
        embedder = TestModels.embedder(new EmbedderSettings(2, 256));
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void ranksAParaphraseAboveAnUnrelatedSentence() {
        List<float[]> v = embedder.embed(List.of("A cat sitting on a sofa", "A kitten resting on a couch",
                "Stock markets fell sharply today"));
        double paraphrase = TextEmbedder.cosine(v.get(0), v.get(1));
        double unrelated = TextEmbedder.cosine(v.get(0), v.get(2));
        // models.md §5 [run]: 0.762 and ≈ 0.04–0.06 with LangChain4j's embedding model
        assertEquals(0.762, paraphrase, 0.02);
        assertTrue(unrelated < 0.15, "unrelated " + unrelated);
    }

    @Test
    void vectorsAreUnitLengthAnd384Wide() {
        float[] v = embedder.embed("Tagline writes captions for training images.");
        assertEquals(384, v.length);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-4);
    }

    @Test
    void batchingAndPaddingDoNotChangeTheVectors() {
        String shortText = "Hi.";
        String longText = "A much longer sentence that makes the batch pad the short one with many zeros at the end.";
        float[] alone = embedder.embed(shortText);
        List<float[]> together = embedder.embed(List.of(shortText, longText, shortText));
        assertArrayEquals(alone, together.get(0), 1e-4f);
        assertArrayEquals(alone, together.get(2), 1e-4f);
    }

    @Test
    void longTextIsTruncatedNotRejected() {
        String longText = "word ".repeat(2000);
        float[] v = embedder.embed(longText);
        assertEquals(384, v.length);
        assertEquals(1.0, TextEmbedder.cosine(v, embedder.embed("word ".repeat(1000))), 1e-4);
    }
}
