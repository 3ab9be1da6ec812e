package dev.tagline.video.signal;

import dev.tagline.inference.ImagePixels;
import dev.tagline.inference.ocr.TextLine;
import dev.tagline.inference.ocr.TextReader;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@link ScreenTextReader} on PaddleOCR ({@link TextReader}). Every frame is read at one width, scaled to it
 * bilinearly when it has another. The pass's frames are small (256 px wide), so they are read at {@link #READ_WIDTH},
 * three times as wide: PP-OCRv4's detector is trained on text tens of pixels high, and a 16 px title at 256 px is
 * otherwise found only in part. The kept clips' text is read again from frames taken from the source at the reader's
 * width ({@code SharpScreenText}), which need no scaling.
 */
public final class PaddleScreenText implements ScreenTextReader {
    /** Width at which the pass's frames are read: three times their 256 px. */
    public static final int READ_WIDTH = 768;
    /**
     * Longest side the detector sees ({@code det_limit_side_len}): the 768 px image is detected at 576 px (2.25× the
     * frame, a 17 px title is 38 px high in the probability map) and recognised from the 768 px crops. Detection is
     * most of the OCR time and this is 56 % of its pixels; on the benchmark video it read the titles as well as at
     * 768 (28 of 30 readings right at both, 26 at 512; docs/benchmarks.md, issue 7 session 4).
     */
    public static final int DET_MAX_SIDE = 576;
    /**
     * How much taller than the median line a title is at least. Slide templates set titles at 1.5–2.5 times the body
     * size (PowerPoint's default: 44 pt over 28 pt); a detector's boxes of one size vary by about 10 %.
     */
    static final double TITLE_RATIO = 1.3;
    /**
     * Width at which {@code clips find --sharp-text} reads the kept clips' frames, with the detector at
     * {@link #SHARP_DET_MAX_SIDE}. On a 1080p editor frame (16 px code under a 40 px heading,
     * {@code ScreenTextWidthBench}) it read 99 % of the characters, where 768 px at 576 read 52 %, no code line whole
     * and the heading as "JSoN"; on the hour benchmark it costs about 3 s more (docs/benchmarks.md, issue 7, session
     * 10), which is why it is not the default.
     */
    public static final int SHARP_WIDTH = 1280;
    /** Longest side the detector sees at {@link #SHARP_WIDTH}: the side, not the width, finds small text. */
    public static final int SHARP_DET_MAX_SIDE = 768;
    /**
     * A line whose box is lower than this, in pixels of a frame smaller than the reading width (the pass's 256 px
     * frames), is not recognised: its letters are 3–4 px high there and come out garbled. On a 1280×720 full-editor
     * screencast (18 px code) every reading of the pass found 30–36 boxes 3–7 px high, recognised them all, none
     * legible, at 1.4 s of CPU a reading: the pass took 17 times the CPU of decoding the video (docs/benchmarks.md,
     * issue 7, "screen text on a full editor"), 2 times without them. The detector's box of a 34 px slide line at
     * 720p is 7.7–8.3 px high there, and it is still read; the kept clips' text is read again from the source at full
     * size ({@code SharpScreenText}), where no line is left out.
     */
    static final double MIN_FRAME_LINE_HEIGHT = 7;
    private final TextReader reader;
    private final int width;

    /** Reads the pass's frames, at {@link #READ_WIDTH}. */
    public PaddleScreenText(TextReader reader) {
        this(reader, READ_WIDTH);
    }

    /** Reads every frame at {@code width} pixels wide. */
    public PaddleScreenText(TextReader reader, int width) {
        this.reader = reader;
        this.width = width;
    }

    @Override
    public int readWidth() {
        return width;
    }


    @Override
    public List<String> read(VideoFrame frame) {
        return readWithTitle(frame).lines();
    }

    /** The lines with the title told by the height of their boxes ({@link #title}). */
    @Override
    public Reading readWithTitle(VideoFrame frame) {
        BufferedImage image = image(frame);
        double minLineHeight = 0;
        if (frame.width() != width) {
            image = ImagePixels.scaled(image, width,
                    Math.max(1, (int) Math.round((double) frame.height() * width / frame.width())));
            minLineHeight = frame.width() < width ? MIN_FRAME_LINE_HEIGHT * width / frame.width() : 0;
        }
        List<TextLine> found = reader.read(image, minLineHeight);
        List<String> texts = found.stream().map(TextLine::text).map(OcrCase::repair).toList();
        return new Reading(texts, title(texts, found.stream().mapToDouble(l -> l.maxY() - l.minY()).toArray()),
                found.stream().map(TextLine::confidence).toList());
    }

    /**
     * The line set clearly bigger than the rest, or -1: of the lines that are text ({@link ScreenTextAnalyser#isText}),
     * at least two, the tallest when it is at least {@link #TITLE_RATIO} times as tall as the median of the others. A
     * slide's title over its longer bullet points, a video's title over the menu bar.
     */
    static int title(List<String> texts, double[] heights) {
        List<Integer> text = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (ScreenTextAnalyser.isText(texts.get(i))) {
                text.add(i);
            }
        }
        if (text.size() < 2) {
            return -1;
        }
        int tallest = text.stream().max(java.util.Comparator.comparingDouble(i -> heights[i])).orElseThrow();
        double[] others = text.stream().filter(i -> i != tallest).mapToDouble(i -> heights[i]).sorted().toArray();
        double median = others.length % 2 == 1 ? others[others.length / 2]
                : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
        return heights[tallest] >= TITLE_RATIO * median ? tallest : -1;
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
