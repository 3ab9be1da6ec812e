package dev.tagline.inference;

import dev.tagline.testkit.TestModels;

/** The built-in models' files for integration tests (until the model store provides them). */
public final class BuiltinModels {
    private BuiltinModels() {
    }

    public static ModelFiles blazeFace() {
        return new ModelFiles("blazeface", TestModels.blazeFace());
    }

    public static ModelFiles paddleOcr() {
        return new ModelFiles("paddleocr-v4", TestModels.paddleOcr());
    }

    public static ModelFiles sileroVad() {
        return new ModelFiles("silero-vad", TestModels.sileroVad());
    }

    public static ModelFiles miniLm() {
        return new ModelFiles("all-minilm-l6-v2", TestModels.miniLm());
    }
}
