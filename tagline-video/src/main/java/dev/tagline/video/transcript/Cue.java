package dev.tagline.video.transcript;

import java.time.Duration;
import java.util.List;

/** A subtitle cue or transcript segment: times, text and, when the source has them, its words' times. */
public record Cue(Duration start, Duration end, String text, List<Word> words) {
    public Cue {
        words = List.copyOf(words);
        text = text.strip();
    }

    public Cue shifted(Duration offset) {
        return new Cue(start.plus(offset), end.plus(offset), text, words.stream().map(w -> w.shifted(offset)).toList());
    }
}
