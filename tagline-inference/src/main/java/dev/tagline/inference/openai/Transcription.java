package dev.tagline.inference.openai;

import java.util.List;

/**
 * A {@code verbose_json} transcription. Times are seconds from the start of the uploaded audio, as the protocol
 * sends them; {@code words} is empty unless word timestamps were asked for and the server supports them.
 */
public record Transcription(String text, String language, double durationSeconds, List<Segment> segments,
                            List<Word> words) {
    public Transcription {
        segments = List.copyOf(segments);
        words = List.copyOf(words);
    }

    /** A segment (about a sentence or a 30 s window's worth). */
    public record Segment(int id, double startSeconds, double endSeconds, String text) {
    }

    /** A word with its times; the text may carry its leading space, as some servers send it. */
    public record Word(String word, double startSeconds, double endSeconds) {
    }
}
