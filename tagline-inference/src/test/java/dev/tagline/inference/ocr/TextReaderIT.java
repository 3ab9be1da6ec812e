package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.TestModels;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

class TextReaderIT {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    static final String[] FONTS = {"DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Bold.ttf",
        "DejaVuSerif-Italic.ttf", "DejaVuSansCondensed.ttf"};
    static final int[] SIZES = {18, 28, 44};
    static final String[] LINES = {
        "The quick brown fox jumps over the lazy dog",
        "Summer sale ends on Friday at noon",
        "Please keep the door closed 2024",
        "Visit our store for fresh bread and coffee",
    };
    private static TextReader reader;

    @BeforeAll
    static void open() {
        reader = TestModels.textReader(OcrSettings.DEFAULTS);
    }

    @Test
    void readsRenderedTextInSeveralFontsAndSizesWithAtLeast95PercentWordAccuracy(TestReporter reporter) throws Exception {
        int words = 0;
        int correct = 0;
        List<String> misses = new ArrayList<>();
        List<String> fonts = Arrays.stream(FONTS).filter(f -> Files.isRegularFile(DEJAVU.resolve(f))).toList();
        Assumptions.assumeTrue(fonts.size() >= 3, () -> "Skipped: only " + fonts + " of the DejaVu fonts in " + DEJAVU
                + ". Install them: apt-get install -y fonts-dejavu-core fonts-dejavu-extra");
        for (String fontFile : fonts) {
            Font base = font(fontFile);
            for (int size : SIZES) {
                BufferedImage image = render(base.deriveFont((float) size), LINES, 0);
                List<TextLine> lines = reader.read(image);
                String read = String.join(" ", lines.stream().map(TextLine::text).toList());
                List<String> got = new ArrayList<>(Arrays.asList(normalise(read).split(" ")));
                for (String line : LINES) {
                    for (String word : normalise(line).split(" ")) {
                        words++;
                        if (got.remove(word)) {
                            correct++;
                        } else {
                            misses.add(fontFile + "@" + size + ": " + word);
                        }
                    }
                }
            }
        }
        double accuracy = (double) correct / words;
        reporter.publishEntry("word accuracy", String.format(java.util.Locale.ROOT, "%.3f (%d/%d)", accuracy, correct,
                words));
        assertTrue(accuracy >= 0.95, String.format("word accuracy %.3f (%d/%d); missed %s", accuracy, correct, words,
                misses));
    }

    @Test
    void linesComeBackTopToBottomWithBoxesAroundTheText() throws Exception {
        BufferedImage image = render(font("DejaVuSans.ttf").deriveFont(32f), new String[] {"First line", "Second line"},
                0);
        List<TextLine> lines = reader.read(image);
        assertEquals(List.of("First line", "Second line"), lines.stream().map(TextLine::text).toList());
        TextLine first = lines.get(0);
        assertTrue(first.minX() > 30 && first.minX() < 70, first::toString);
        assertTrue(first.minY() > 40 && first.maxY() < 120, first::toString);
        assertTrue(first.confidence() > 0.8, first::toString);
    }

    @Test
    void readsUpsideDownTextWithTheAngleClassifier() throws Exception {
        BufferedImage image = render(font("DejaVuSans.ttf").deriveFont(36f), new String[] {"Upside down words"}, 180);
        List<TextLine> lines = reader.read(image);
        assertEquals(List.of("Upside down words"), lines.stream().map(TextLine::text).toList());
    }

    @Test
    void findsNoTextInAPlainGradient() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.DARK_GRAY, 640, 480, Color.CYAN));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        assertEquals(List.of(), reader.read(image));
    }

    static Font font(String file) throws IOException, FontFormatException {
        Path path = DEJAVU.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path),
                "Skipped: " + path + " missing. Install it: apt-get install -y fonts-dejavu-core fonts-dejavu-extra");
        return Font.createFont(Font.TRUETYPE_FONT, path.toFile());
    }

    /** Dark text on a light background, one line per entry, optionally rotated by {@code degrees}. */
    static BufferedImage render(Font font, String[] lines, int degrees) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        var metrics = pg.getFontMetrics(font);
        int width = 100 + Arrays.stream(lines).mapToInt(metrics::stringWidth).max().orElse(0);
        int lineHeight = (int) (metrics.getHeight() * 1.8);
        pg.dispose();
        BufferedImage image = new BufferedImage(width, 100 + lineHeight * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf4f1ea));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        if (degrees != 0) {
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                    image.getHeight() / 2.0));
        }
        g.setColor(new Color(0x202020));
        g.setFont(font);
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 50, 50 + metrics.getAscent() + i * lineHeight);
        }
        g.dispose();
        return image;
    }

    static String normalise(String s) {
        return s.toLowerCase().replaceAll("[^a-z0-9 ]", " ").trim().replaceAll(" +", " ");
    }
}
