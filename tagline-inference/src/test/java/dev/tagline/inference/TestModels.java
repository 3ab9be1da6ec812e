package dev.tagline.inference;

import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.speech.SpeechSettings;
import dev.tagline.inference.text.EmbedderSettings;
import dev.tagline.inference.text.TextEmbedder;

/** The built-in models for integration tests, opened through one {@link OnnxSessions} for the test JVM. */
public final class TestModels {
    private static final OnnxSessions SESSIONS = new OnnxSessions(model -> { });

    private TestModels() {
    }

    public static FaceDetector faces(FaceSettings settings) {
        return FaceDetector.open(new ModelFiles("blazeface", dev.tagline.testkit.TestModels.blazeFace()), SESSIONS,
                SessionConfig.defaults(), settings);
    }

    public static TextReader textReader(OcrSettings settings) {
        return TextReader.open(new ModelFiles("paddleocr-ppocrv4", dev.tagline.testkit.TestModels.paddleOcr()),
                SESSIONS, SessionConfig.defaults(), settings);
    }

    public static SpeechDetector speech(SpeechSettings settings) {
        return SpeechDetector.open(new ModelFiles("silero-vad", dev.tagline.testkit.TestModels.sileroVad()), SESSIONS,
                SessionConfig.defaults(), settings);
    }

    public static TextEmbedder embedder(EmbedderSettings settings) {
        return TextEmbedder.open(new ModelFiles("all-minilm-l6-v2", dev.tagline.testkit.TestModels.miniLm()), SESSIONS,
                SessionConfig.defaults(), settings);
    }
}
