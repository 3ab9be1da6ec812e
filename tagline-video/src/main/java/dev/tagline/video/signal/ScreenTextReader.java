package dev.tagline.video.signal;

import java.util.List;

/**
 * Reads the text lines shown in a frame. PaddleOCR ({@code dev.tagline.inference.ocr}, issue #7 point 3) plugs in
 * here. Called from one worker thread of the {@link ScreenTextAnalyser} (never two calls at once), a few times a
 * minute, so it may be slow.
 */
@FunctionalInterface
public interface ScreenTextReader {
    /** The lines of text in {@code frame}, top to bottom; empty when there is none. */
    List<String> read(VideoFrame frame);
}
