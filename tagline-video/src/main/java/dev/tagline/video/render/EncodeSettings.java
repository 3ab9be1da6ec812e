package dev.tagline.video.render;

import dev.tagline.core.TaglineException;

/**
 * Encoder settings for a rendered clip (video.md §13, "Recommended": libx264 CRF 18–20, preset medium, yuv420p, 30 fps,
 * AAC 160k, {@code +faststart}; the moov atom in front is what Instagram asks for).
 *
 * @param crf x264 constant rate factor
 * @param preset x264 preset
 * @param fps output frame rate
 * @param audioBitrateKbps AAC bit rate
 * @param audioSampleRate output sample rate (loudnorm upsamples internally to 192 kHz; we resample back)
 */
public record EncodeSettings(int crf, String preset, int fps, int audioBitrateKbps, int audioSampleRate) {
    public static final EncodeSettings DEFAULTS = new EncodeSettings(20, "medium", 30, 160, 48_000);
    /**
     * The x264 presets, fastest first (x264 {@code --fullhelp}). Commands check a user's preset against these before
     * rendering: x264 itself rejects an unknown one only once FFmpeg has opened the output.
     */
    public static final java.util.List<String> PRESETS = java.util.List.of("ultrafast", "superfast", "veryfast",
            "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");

    public EncodeSettings {
        if (crf < 0 || crf > 51) {
            throw new TaglineException("render.crf must be 0-51, got " + crf, "The default is 20.");
        }
        if (fps < 1 || fps > 120) {
            throw new TaglineException("render.fps must be 1-120, got " + fps, "The default is 30.");
        }
    }

    /** Same settings with another preset (the benchmark and tests use {@code ultrafast} to save time). */
    public EncodeSettings withPreset(String other) {
        return new EncodeSettings(crf, other, fps, audioBitrateKbps, audioSampleRate);
    }
}
