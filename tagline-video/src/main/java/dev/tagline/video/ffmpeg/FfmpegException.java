package dev.tagline.video.ffmpeg;

import dev.tagline.core.TaglineException;

/** FFmpeg or ffprobe failed on an input; {@link #kind()} says how, the message names the file and the fix. */
public final class FfmpegException extends TaglineException {
    private static final long serialVersionUID = 1L;

    /** The failures users can act on differently. */
    public enum Kind { NO_AUDIO, NO_VIDEO, UNREADABLE, UNSUPPORTED_CODEC, FAILED }

    private final Kind kind;

    public FfmpegException(Kind kind, String userMessage, String hint, Throwable cause) {
        super(userMessage, hint, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
