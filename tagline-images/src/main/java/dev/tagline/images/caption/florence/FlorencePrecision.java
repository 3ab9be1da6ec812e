package dev.tagline.images.caption.florence;

import dev.tagline.core.TaglineException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The weight variants of the onnx-community Florence-2 exports, by the file-name suffix each uses (transformers.js
 * {@code dtype}: {@code decoder_model_merged_q4.onnx} …). fp16 and q4f16 graphs take and give float16 tensors; the
 * others float32 (q4, int8, uint8, q8 and bnb4 quantise weights only).
 */
public enum FlorencePrecision {
    FP32("", "fp32", "float32", "full"),
    FP16("_fp16", "fp16", "float16", "half"),
    INT8("_int8", "int8"),
    UINT8("_uint8", "uint8"),
    Q8("_quantized", "q8", "quantized"),
    Q4("_q4", "q4"),
    Q4F16("_q4f16", "q4f16"),
    BNB4("_bnb4", "bnb4");

    private final String suffix;
    private final List<String> names;

    FlorencePrecision(String suffix, String... names) {
        this.suffix = suffix;
        this.names = List.of(names);
    }

    /** The file-name suffix: {@code vision_encoder} + suffix + {@code .onnx}. */
    public String suffix() {
        return suffix;
    }

    /** The name users type: {@code fp32}, {@code fp16}, {@code int8}, {@code uint8}, {@code q8}, {@code q4} … */
    public String flag() {
        return names.get(0);
    }

    /** The precision named {@code text} (case-insensitive; {@code quantized} = {@code q8}); blank = fp32. */
    public static FlorencePrecision parse(String text) {
        if (text == null || text.isBlank()) {
            return FP32;
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.names.contains(key)).findFirst().orElseThrow(() ->
                new TaglineException("Unknown --precision '" + text + "' for Florence-2",
                        "Use one of " + String.join(", ", Arrays.stream(values()).map(FlorencePrecision::flag)
                                .toList()) + " (the suffixes of the export's onnx/ files)."));
    }
}
