package dev.tagline.video.render;

import java.util.Objects;

/** A screen-recording scene: the screen content rectangle (shown on top) and the speaker's (shown below). */
public record ScreenLayout(Rect content, Rect speaker) {
    public ScreenLayout {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(speaker, "speaker");
    }
}
