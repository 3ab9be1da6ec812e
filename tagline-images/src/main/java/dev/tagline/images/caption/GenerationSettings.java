package dev.tagline.images.caption;

/**
 * How text is generated. Not every captioner uses every field: Florence-2 in process uses {@code maxTokens},
 * {@code beams}, {@code repetitionPenalty} and {@code noRepeatNgram} (greedy when {@code beams == 1}); an
 * OpenAI-compatible server gets {@code maxTokens}, {@code temperature}, {@code topP} and, where it accepts them, the
 * penalties. Validated at construction so that a bad flag fails before any image is read.
 */
public record GenerationSettings(int maxTokens, int beams, double temperature, double topP,
                                 double repetitionPenalty, int noRepeatNgram) implements java.io.Serializable {
    /** Florence-2's own generation_config.json: 3 beams, no-repeat n-gram 3 (reference/captioning.md §4.6). */
    public static final GenerationSettings FLORENCE = new GenerationSettings(256, 3, 1.0, 1.0, 1.0, 3);
    /** taggui's defaults for VLMs: up to 100 new tokens, greedy, no-repeat n-gram 3 (reference/captioning.md §7). */
    public static final GenerationSettings VLM = new GenerationSettings(100, 1, 0.0, 1.0, 1.0, 3);

    public GenerationSettings {
        require(maxTokens >= 1 && maxTokens <= 4096, "--max-tokens must be 1 to 4096, got " + maxTokens);
        require(beams >= 1 && beams <= 16, "--beams must be 1 to 16, got " + beams);
        require(temperature >= 0 && temperature <= 2, "--temperature must be 0 to 2, got " + temperature);
        require(topP > 0 && topP <= 1, "--top-p must be above 0 and at most 1, got " + topP);
        require(repetitionPenalty >= 1 && repetitionPenalty <= 3,
                "--repetition-penalty must be 1 to 3, got " + repetitionPenalty);
        require(noRepeatNgram >= 0 && noRepeatNgram <= 10, "--no-repeat-ngram must be 0 to 10, got " + noRepeatNgram);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
