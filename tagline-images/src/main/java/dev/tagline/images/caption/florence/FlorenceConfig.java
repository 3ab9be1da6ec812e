package dev.tagline.images.caption.florence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Florence-2's JSON files say about generation and preprocessing. A generation setting is read from
 * {@code generation_config.json}, else from the {@code text_config} of {@code config.json} (some exports, such as
 * onnx-community/Florence-2-large, ship a generation config without token ids), else taken from
 * {@code onnx-community/Florence-2-base-ft} (reference/captioning.md §4.2, §4.6).
 *
 * @param lengthPenalty exponent of the hypothesis length in beam scores (Hugging Face default 1.0)
 * @param decoderHeads  {@code text_config.decoder_attention_heads}, 0 when unknown: used only when the decoder graph
 *                      leaves the head count of its cache open
 * @param hiddenSize    {@code text_config.d_model}, 0 when unknown (head size = hiddenSize / decoderHeads)
 */
record FlorenceConfig(long decoderStart, long bos, long eos, long pad, long forcedBos, long forcedEos,
                      boolean earlyStopping, double lengthPenalty, int imageHeight, int imageWidth, float[] mean,
                      float[] std, double rescale, int decoderHeads, int hiddenSize) {
    static final FlorenceConfig DEFAULTS = new FlorenceConfig(2, 0, 2, 1, 0, 2, true, 1.0, 768, 768,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 1 / 255.0, 0, 0);

    static FlorenceConfig read(Optional<Path> generation, Optional<Path> model, Optional<Path> preprocessor) {
        ObjectMapper json = new ObjectMapper();
        FlorenceConfig d = DEFAULTS;
        JsonNode gen = generation.map(f -> tree(json, f)).orElse(json.createObjectNode());
        JsonNode text = model.map(f -> tree(json, f)).orElse(json.createObjectNode()).path("text_config");
        JsonNode pre = preprocessor.map(f -> tree(json, f)).orElse(json.createObjectNode());
        JsonNode size = pre.path("size");
        return new FlorenceConfig(id(gen, text, "decoder_start_token_id", d.decoderStart),
                id(gen, text, "bos_token_id", d.bos), id(gen, text, "eos_token_id", d.eos),
                id(gen, text, "pad_token_id", d.pad), id(gen, text, "forced_bos_token_id", d.forcedBos),
                id(gen, text, "forced_eos_token_id", d.forcedEos),
                first(gen, text, "early_stopping").asBoolean(d.earlyStopping),
                first(gen, text, "length_penalty").asDouble(d.lengthPenalty),
                size.path("height").asInt(d.imageHeight), size.path("width").asInt(d.imageWidth),
                floats(pre.path("image_mean"), d.mean), floats(pre.path("image_std"), d.std),
                pre.path("rescale_factor").asDouble(d.rescale), text.path("decoder_attention_heads").asInt(0),
                text.path("d_model").asInt(0));
    }

    private static long id(JsonNode gen, JsonNode text, String key, long fallback) {
        JsonNode value = first(gen, text, key);
        return value.isNumber() ? value.asLong() : fallback;
    }

    private static JsonNode first(JsonNode gen, JsonNode text, String key) {
        return gen.has(key) && !gen.get(key).isNull() ? gen.get(key) : text.path(key);
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
