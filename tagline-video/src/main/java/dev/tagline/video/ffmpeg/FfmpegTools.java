package dev.tagline.video.ffmpeg;

import java.nio.file.Path;
import java.util.Objects;

/** The two FFmpeg programs Tagline runs, as located by {@link FfmpegLocator}. */
public record FfmpegTools(Path ffmpeg, Path ffprobe) {
    public FfmpegTools {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
    }
}
