package dev.tagline.video.signal;

import java.util.List;

/**
 * Reads the text lines shown in a frame. PaddleOCR ({@code dev.tagline.inference.ocr}, issue #7 point 3) plugs in
 * here. Called by the {@link ScreenTextAnalyser}s of a pass, never two calls at once (the finder serialises the
 * stretches' readings), a few times a minute, so it may be slow.
 */
@FunctionalInterface
public interface ScreenTextReader {
    /** The lines of text in {@code frame}, top to bottom; empty when there is none. */
    List<String> read(VideoFrame frame);
}
