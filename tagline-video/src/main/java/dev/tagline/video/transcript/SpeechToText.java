package dev.tagline.video.transcript;

import java.nio.file.Path;

/**
 * Turns a short audio file into a transcript with times relative to the file's start. The OpenAI-compatible
 * server is one implementation ({@link OpenAiSpeechToText}); an in-process model may be another. Called from one
 * thread, one chunk at a time.
 */
@FunctionalInterface
public interface SpeechToText {
    Transcript transcribe(Path audio);
}
