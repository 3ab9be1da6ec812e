package dev.tagline.video.signal;

import dev.tagline.inference.ImagePixels;
import dev.tagline.inference.ocr.TextLine;
import dev.tagline.inference.ocr.TextReader;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@link ScreenTextReader} on PaddleOCR ({@link TextReader}). The pass's frames are small (256 px wide), so a frame is
 * scaled up by {@link #UPSCALE} first: PP-OCRv4's detector is trained on text tens of pixels high, and a 16 px title
 * at 256 px is otherwise found only in part.
 */
public final class PaddleScreenText implements ScreenTextReader {
    /** Bilinear upscaling before OCR: a 256 px frame is read at 768 px. */
    static final int UPSCALE = 3;
    /**
     * Longest side the detector sees ({@code det_limit_side_len}): the 768 px image is detected at 576 px (2.25× the
     * frame, a 17 px title is 38 px high in the probability map) and recognised from the 768 px crops. Detection is
     * most of the OCR time and this is 56 % of its pixels; on the benchmark video it read the titles as well as at
     * 768 (28 of 30 readings right at both, 26 at 512; docs/benchmarks.md, issue 7 session 4).
     */
    public static final int DET_MAX_SIDE = 576;
    private final TextReader reader;

    public PaddleScreenText(TextReader reader) {
        this.reader = reader;
    }

    @Override
    public List<String> read(VideoFrame frame) {
        BufferedImage image = ImagePixels.scaled(image(frame), frame.width() * UPSCALE, frame.height() * UPSCALE);
        return reader.read(image).stream().map(TextLine::text).toList();
    }

    /** The frame's packed RGB bytes as a {@code TYPE_INT_RGB} image. */
    static BufferedImage image(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        byte[] rgb = frame.rgb();
        int[] row = new int[frame.width()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * 3;
                row[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
            }
            image.setRGB(0, y, frame.width(), 1, row, 0, frame.width());
        }
        return image;
    }
}
