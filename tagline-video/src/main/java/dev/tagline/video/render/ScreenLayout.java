package dev.tagline.video.render;

import java.util.Objects;

/**
 * A screen-recording scene: the screen content rectangle (shown on top), the speaker's (the webcam inset, or a box
 * round the face; shown below, cropped within it) and the face the crop centres on.
 */
public record ScreenLayout(Rect content, Rect speaker, Rect face) {
    public ScreenLayout {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(face, "face");
    }

    /** A layout whose speaker crop centres on the speaker's box. */
    public ScreenLayout(Rect content, Rect speaker) {
        this(content, speaker, speaker);
    }
}
