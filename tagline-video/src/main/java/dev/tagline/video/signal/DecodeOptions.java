package dev.tagline.video.signal;

/**
 * What the decoding pass produces. Defaults: 16 kHz mono audio (what Silero VAD and Whisper read; video.md §1),
 * frames 256 px wide (PySceneDetect downscales to about 256 px, video.md §9) at the source rate capped at 30 fps, so
 * scene cuts land on the right frame.
 *
 * @param maxFrameRate frames per second at most; the source rate is used when lower
 */
public record DecodeOptions(int sampleRate, int frameWidth, double maxFrameRate) {
    public static final DecodeOptions DEFAULT = new DecodeOptions(16_000, 256, 30.0);

    public DecodeOptions {
        if (sampleRate < 8000 || frameWidth < 16 || frameWidth % 2 != 0 || maxFrameRate <= 0) {
            throw new IllegalArgumentException("sampleRate >= 8000, even frameWidth >= 16 and maxFrameRate > 0 needed");
        }
    }

    /** The analysis frame rate for a source of {@code sourceFps} (0 when unknown). */
    public double frameRate(double sourceFps) {
        return sourceFps > 0 ? Math.min(sourceFps, maxFrameRate) : maxFrameRate;
    }

    /** Frame height for a source shown at {@code width}×{@code height}: same aspect, even. */
    public int frameHeight(int width, int height) {
        return Math.max(2, (int) Math.round((double) frameWidth * height / width / 2.0) * 2);
    }
}
