package dev.tagline.video.transcript;

import java.time.Duration;

/** A spoken word, [start, end) from the start of the video; {@code text} without surrounding spaces. */
public record Word(Duration start, Duration end, String text) {
    public Word {
        if (end.compareTo(start) < 0) {
            end = start;
        }
        text = text.strip();
    }

    public Word shifted(Duration offset) {
        return new Word(start.plus(offset), end.plus(offset), text);
    }
}
