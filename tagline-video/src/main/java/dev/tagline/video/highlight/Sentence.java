package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;

/**
 * A sentence with its words' times; {@code id} is its position in the video (what an LLM judge sees, never
 * seconds). Without a transcript a "sentence" is a stretch of sound between two pauses, with empty text.
 */
public record Sentence(int id, Duration start, Duration end, String text, List<Word> words) {
    public Sentence {
        words = List.copyOf(words);
    }
}
