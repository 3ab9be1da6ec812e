package dev.tagline.video.signal;

import java.time.Duration;

/**
 * One small decoded frame: packed RGB, 3 bytes per pixel, row by row, shown at {@code time}; {@code index} counts
 * frames of the pass from 0. Fresh per frame, so an analyser may keep it (OCR at a scene cut does).
 */
public record VideoFrame(long index, Duration time, int width, int height, byte[] rgb) {
    public VideoFrame {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " RGB bytes, got " + rgb.length);
        }
    }
}
