package dev.tagline.video.render;

import java.time.Duration;
import java.util.Objects;

/**
 * One stretch of a clip rendered with one reframe mode. Times are from the clip's start.
 *
 * @param start where the scene begins in the clip
 * @param end where it ends in the clip
 * @param mode how it is reframed
 * @param cropPath for {@link ReframeMode#TRACK} and {@link ReframeMode#SCREEN_CROP}: the crop's left edge over time,
 *     in source pixels; else null
 * @param layout for {@link ReframeMode#SCREENCAST}: the content and face rectangles; else null
 * @param cropWidth for {@link ReframeMode#SCREEN_CROP}: the full-height window's width in source pixels; else 0
 */
public record Scene(Duration start, Duration end, ReframeMode mode, CropPath cropPath, ScreenLayout layout,
        int cropWidth) {
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
        if (mode == ReframeMode.SCREEN_CROP && (cropPath == null || cropWidth <= 0)) {
            throw new IllegalArgumentException("a screen-crop scene needs a crop path and a crop width");
        }
    }

    /** A scene whose crop (if any) has the mode's own width. */
    public Scene(Duration start, Duration end, ReframeMode mode, CropPath cropPath, ScreenLayout layout) {
        this(start, end, mode, cropPath, layout, 0);
    }

    /** A scene with a mode that needs no analysis (center, fit, blur-pad). */
    public static Scene of(Duration start, Duration end, ReframeMode mode) {
        return new Scene(start, end, mode, null, null);
    }

    public Duration length() {
        return end.minus(start);
    }
}
