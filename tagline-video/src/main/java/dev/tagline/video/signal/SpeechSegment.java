package dev.tagline.video.signal;

import java.time.Duration;

/** A stretch of speech, [start, end), padded as the segmentation rules say. */
public record SpeechSegment(Duration start, Duration end) {
    public Duration length() {
        return end.minus(start);
    }
}
