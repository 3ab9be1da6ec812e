package dev.tagline.video.render;

import java.time.Duration;
import java.util.Objects;

/**
 * One stretch of a clip rendered with one reframe mode. Times are from the clip's start.
 *
 * @param start where the scene begins in the clip
 * @param end where it ends in the clip
 * @param mode how it is reframed
 * @param cropPath for {@link ReframeMode#TRACK}: the crop's left edge over time, in source pixels; else null
 * @param layout for {@link ReframeMode#SCREENCAST}: the content and face rectangles; else null
 */
public record Scene(Duration start, Duration end, ReframeMode mode, CropPath cropPath, ScreenLayout layout) {
    public Scene {
        Objects.requireNonNull(mode, "mode");
        if (end.compareTo(start) <= 0) {
            throw new IllegalArgumentException("scene end " + end + " is not after start " + start);
        }
        if (mode == ReframeMode.TRACK && cropPath == null) {
            throw new IllegalArgumentException("a track scene needs a crop path");
        }
        if (mode == ReframeMode.SCREENCAST && layout == null) {
            throw new IllegalArgumentException("a screencast scene needs a layout");
        }
    }

    /** A scene with a mode that needs no analysis (center, fit, blur-pad). */
    public static Scene of(Duration start, Duration end, ReframeMode mode) {
        return new Scene(start, end, mode, null, null);
    }

    public Duration length() {
        return end.minus(start);
    }
}
