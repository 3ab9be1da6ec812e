package dev.tagline.video.signal;

import java.time.Duration;

/** A stretch of near silence, [start, end). */
public record Pause(Duration start, Duration end) {
    public Duration length() {
        return end.minus(start);
    }
}
