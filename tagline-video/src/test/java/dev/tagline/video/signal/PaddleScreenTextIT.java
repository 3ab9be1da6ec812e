package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.ocr.OcrSettings;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The title of a reading from the real PaddleOCR boxes: a slide as the finder's pass sees it (256 px wide), with a
 * short title set big over a longer subtitle and a command set small.
 */
class PaddleScreenTextIT {
    private static VideoFrame slide() {
        BufferedImage image = new BufferedImage(256, 144, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 256, 144);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("Git branching", 12, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("Create, switch and merge branches", 12, 72);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        g.drawString("git switch -c feature", 12, 100);
        g.dispose();
        byte[] rgb = new byte[256 * 144 * 3];
        for (int y = 0, i = 0; y < 144; y++) {
            for (int x = 0; x < 256; x++, i += 3) {
                int p = image.getRGB(x, y);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new VideoFrame(0, Duration.ZERO, 256, 144, rgb);
    }

    @Test
    void theBigLineIsTheTitleThoughTheSubtitleHasMoreWords() {
        BuiltinModels models = TestModels.builtins(BuiltinModels.OCR);
        ScreenTextReader.Reading reading = new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS))
                .readWithTitle(slide());
        assertEquals(3, reading.lines().size(), reading.toString());
        assertTrue(reading.title() >= 0, "a title: " + reading);
        String title = reading.lines().get(reading.title()).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        assertEquals("gitbranching", title, reading.toString());
    }
}
