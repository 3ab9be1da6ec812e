package dev.tagline.video.copy;

/** Writes a clip's copy. Implementations are thread-safe. */
public interface Copywriter {
    ClipCopy write(CopyInput input);
}
