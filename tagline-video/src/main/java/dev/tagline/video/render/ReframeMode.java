package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import java.util.Locale;

/**
 * How a scene of the wide source fills the output frame (video.md §11.1 and §11.4).
 */
public enum ReframeMode {
    /** A fixed crop from the middle of the frame. */
    CENTER,
    /** The whole frame, letterboxed (clipbot's baseline renderer). */
    FIT,
    /** The whole frame over a blurred, scaled copy of itself (OpenShorts GENERAL). */
    BLUR_PAD,
    /** A crop that follows the face with a dead-zone camera (OpenShorts TRACK). */
    TRACK,
    /** Screen content on top, the speaker below, stacked (OpenShorts SCREENCAST). */
    SCREENCAST,
    /**
     * A screen recording without a webcam: a full-height window of the screen over where it changes (typing, the
     * cursor, scrolling), followed by the dead-zone camera and scaled up so small text stays readable (Tagline's mode,
     * after OpusClip's screen-recording reframe).
     */
    SCREEN_CROP;

    /**
     * Whether a scene forced to this mode needs the face model: to follow a face, to stack the speaker under the
     * screen, and for screen-crop to leave the people and their webcam insets out of the screen's activity (without
     * faces, a forced screen-crop held its window on a drifting inset for a whole clip; dogfood round 5, G2).
     */
    public boolean needsFaces() {
        return this == TRACK || this == SCREENCAST || this == SCREEN_CROP;
    }

    /** The name used on the command line and in {@code clip.json}: {@code blur-pad}, {@code track}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()}; {@code auto} is not a mode (it means "decide per scene"). */
    public static ReframeMode parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReframeMode m : values()) {
            if (m.id().equals(wanted)) {
                return m;
            }
        }
        throw new TaglineException("--mode " + text + " is not a reframe mode",
                "Use auto, track, screencast, screen-crop, blur-pad, fit or center.");
    }
}
