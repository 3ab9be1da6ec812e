package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.testkit.SharedData;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality tagger with the real BlazeFace and PaddleOCR models. */
class QualityTaggerIT {
    private static FaceDetector faces;
    private static TextReader text;
    private static QualityTagger tagger;

    @BeforeAll
    static void open() {
        faces = TestModels.faces(FaceSettings.DEFAULTS);
        text = TestModels.textReader(QualitySettings.DEFAULTS.ocrSettings());
        tagger = new QualityTagger(faces, text, QualitySettings.DEFAULTS);
    }

    static List<String> tags(BufferedImage image, Path file) {
        return tagger.tag(List.of(file == null ? TaggerInput.of(image) : TaggerInput.of(image, file))).get(0).names();
    }

    @Test
    void realPhotosGetFaceCountTags() throws Exception {
        Path photos = SharedData.require("photos");
        List<String> obama = tags(ImageIO.read(photos.resolve("obama.jpg").toFile()), photos.resolve("obama.jpg"));
        assertTrue(obama.contains("solo") && obama.contains("portrait"), obama::toString);
        assertFalse(obama.contains("jpeg artifacts") || obama.contains("lowres") || obama.contains("text"),
                obama::toString);
        List<String> two = tags(ImageIO.read(photos.resolve("two_people.jpg").toFile()), null);
        assertTrue(two.contains("multiple people") && !two.contains("solo"), two::toString);
        List<String> small = tags(ImageIO.read(photos.resolve("obama_small.jpg").toFile()), null);
        assertTrue(small.contains("lowres") && small.contains("solo"), small::toString);
    }

    @Test
    void blurringARealPhotoMakesItBlurry() throws Exception {
        Path photos = SharedData.require("photos");
        BufferedImage photo = ImageIO.read(photos.resolve("obama.jpg").toFile());
        assertFalse(tags(photo, null).contains("blurry"));
        int radius = Math.max(photo.getWidth(), photo.getHeight()) / 128; // ≈ 4 px at the 512 px analysis size
        assertTrue(tags(TestImages.blur(photo, radius), null).contains("blurry"));
    }

    @Test
    void renderedEnglishTextAndASmallCornerSignature() {
        BufferedImage image = TestImages.busy(1024, 768);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250, 250, 245));
        g.fillRect(150, 300, 720, 110);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString("Grand Opening Today", 170, 375);
        g.dispose();
        List<String> headline = tags(image, null);
        assertTrue(headline.containsAll(List.of("text", "english text")), headline::toString);
        assertFalse(headline.contains("watermark"), headline::toString);

        Graphics2D w = image.createGraphics();
        w.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        w.setColor(new Color(20, 20, 20));
        w.fillRect(800, 728, 224, 40);
        w.setColor(Color.WHITE);
        w.setFont(new Font("DejaVu Sans", Font.PLAIN, 22));
        w.drawString("© tagline.dev", 815, 756);
        w.dispose();
        assertTrue(tags(image, null).contains("watermark"));
    }

    @Test
    void aPlainPictureHasNoFaceOrTextTags() {
        List<String> tags = tags(TestImages.busy(1024, 768), null);
        assertEquals(List.of(), tags);
    }
}
