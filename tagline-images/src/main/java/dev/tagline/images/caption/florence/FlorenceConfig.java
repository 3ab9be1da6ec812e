package dev.tagline.images.caption.florence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Florence-2's JSON files say about generation and preprocessing, with the values of
 * {@code onnx-community/Florence-2-base-ft} where a file or key is missing (reference/captioning.md §4.2, §4.6); a
 * generation_config.json without {@code forced_bos_token_id} / {@code forced_eos_token_id} forces nothing (-1).
 *
 * @param lengthPenalty exponent of the hypothesis length in beam scores (Hugging Face default 1.0)
 */
record FlorenceConfig(long decoderStart, long bos, long eos, long pad, long forcedBos, long forcedEos,
                      boolean earlyStopping, double lengthPenalty, int imageHeight, int imageWidth, float[] mean,
                      float[] std, double rescale) {
    static final FlorenceConfig DEFAULTS = new FlorenceConfig(2, 0, 2, 1, 0, 2, true, 1.0, 768, 768,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 1 / 255.0);

    static FlorenceConfig read(Optional<Path> generation, Optional<Path> preprocessor) {
        ObjectMapper json = new ObjectMapper();
        FlorenceConfig d = DEFAULTS;
        JsonNode gen = generation.map(f -> tree(json, f)).orElse(json.createObjectNode());
        JsonNode pre = preprocessor.map(f -> tree(json, f)).orElse(json.createObjectNode());
        JsonNode size = pre.path("size");
        return new FlorenceConfig(gen.path("decoder_start_token_id").asLong(d.decoderStart),
                gen.path("bos_token_id").asLong(d.bos), gen.path("eos_token_id").asLong(d.eos),
                gen.path("pad_token_id").asLong(d.pad), gen.path("forced_bos_token_id").asLong(generation.isPresent() ? -1 : d.forcedBos),
                gen.path("forced_eos_token_id").asLong(generation.isPresent() ? -1 : d.forcedEos),
                gen.path("early_stopping").asBoolean(d.earlyStopping),
                gen.path("length_penalty").asDouble(d.lengthPenalty),
                size.path("height").asInt(d.imageHeight), size.path("width").asInt(d.imageWidth),
                floats(pre.path("image_mean"), d.mean), floats(pre.path("image_std"), d.std),
                pre.path("rescale_factor").asDouble(d.rescale));
    }

    private static JsonNode tree(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(),
                    "Replace it with the file of the same name from the onnx-community/Florence-2-* repository.", e);
        }
    }

    private static float[] floats(JsonNode node, float[] fallback) {
        if (!node.isArray() || node.size() != 3) {
            return fallback;
        }
        return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(),
                (float) node.get(2).asDouble()};
    }
}
