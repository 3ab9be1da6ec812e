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

    /**
     * One reading: the lines, top to bottom; the index of the one set clearly bigger than the others (a slide's or a
     * video's title), or -1 when no line stands out or the reader does not know the text's size; and how sure the
     * reader is of each line, 0–1.
     */
    record Reading(List<String> lines, int title, List<Double> confidences) {
        public Reading {
            lines = List.copyOf(lines);
            confidences = List.copyOf(confidences);
            if (title < -1 || title >= lines.size() || confidences.size() != lines.size()) {
                throw new IllegalArgumentException("title " + title + " and " + confidences.size()
                        + " confidences of " + lines.size() + " lines");
            }
        }

        /** A reading of lines read for sure. */
        public Reading(List<String> lines, int title) {
            this(lines, title, java.util.Collections.nCopies(lines.size(), 1.0));
        }
    }

    /**
     * The width at which this reader reads a frame (it scales any other): frames taken for it are best taken at that
     * width. By default the width the pass's frames are read at.
     */
    default int readWidth() {
        return PaddleScreenText.READ_WIDTH;
    }

    /** {@link #read} with the title among the lines and their confidences; by default no title, every line sure. */
    default Reading readWithTitle(VideoFrame frame) {
        return new Reading(read(frame), -1);
    }
}
