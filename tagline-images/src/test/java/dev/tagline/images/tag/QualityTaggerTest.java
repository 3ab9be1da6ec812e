package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.faces.Face;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.ocr.TextLine;
import dev.tagline.inference.ocr.TextReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quality tagger with fake face and text models: every tag and threshold, no model files. */
class QualityTaggerTest {
    final List<Face> faces = new ArrayList<>();
    final List<TextLine> lines = new ArrayList<>();

    final FaceDetector fakeFaces = new FaceDetector() {
        @Override
        public List<Face> detect(BufferedImage image) {
            return faces;
        }
    };

    final TextReader fakeText = new TextReader() {
        @Override
        public List<TextLine> read(BufferedImage image) {
            return lines;
        }

        @Override
        public List<TextLine> detect(BufferedImage image) {
            return lines;
        }
    };

    List<String> tags(BufferedImage image) {
        return tagger(QualitySettings.DEFAULTS).tag(List.of(TaggerInput.of(image))).get(0).names();
    }

    QualityTagger tagger(QualitySettings settings) {
        return new QualityTagger(fakeFaces, fakeText, settings);
    }

    static Face face(double x, double y, double size, double score) {
        return new Face(x, y, size, size, List.of(), score);
    }

    static TextLine line(String text, double x0, double y0, double x1, double y1, double confidence) {
        return new TextLine(List.of(new TextLine.Point(x0, y0), new TextLine.Point(x1, y0), new TextLine.Point(x1, y1),
                new TextLine.Point(x0, y1)), text, confidence, 0.9);
    }

    @Test
    void aSharpColourfulLargePictureGetsNoQualityTags() {
        assertEquals(List.of(), tags(TestImages.busy(1024, 768)));
    }

    @Test
    void lowresBelowTheShortSideThreshold() {
        assertTrue(tags(TestImages.busy(640, 400)).contains("lowres"));
        assertFalse(tags(TestImages.busy(900, 520)).contains("lowres"));
    }

    @Test
    void blurryWhenTheLaplacianVarianceIsLow() {
        BufferedImage sharp = TestImages.busy(1024, 768);
        assertFalse(tags(sharp).contains("blurry"));
        BufferedImage blurred = TestImages.blur(sharp, 6);
        assertTrue(tags(blurred).contains("blurry"), () -> "sharp " + Sharpness.of(LumaPlane.of(sharp, 512)) + " blurred "
                + Sharpness.of(LumaPlane.of(blurred, 512)));
        assertFalse(tags(TestImages.flat(800, 600, Color.GRAY)).contains("blurry"), "flat images are not judged");
    }

    @Test
    void greyscaleImagesAreAlsoMonochromeAndSingleHueImagesOnlyMonochrome() {
        BufferedImage busy = TestImages.busy(800, 600);
        List<String> grey = tags(TestImages.tinted(busy, Color.BLACK, Color.WHITE));
        assertTrue(grey.containsAll(List.of("greyscale", "monochrome")), grey::toString);
        List<String> sepia = tags(TestImages.tinted(busy, new Color(40, 20, 5), new Color(250, 220, 170)));
        assertTrue(sepia.contains("monochrome") && !sepia.contains("greyscale"), sepia::toString);
        List<String> colour = tags(busy);
        assertFalse(colour.contains("monochrome") || colour.contains("greyscale"), colour::toString);
    }

    @Test
    void darkAndBrightFromMeanLuma() {
        BufferedImage busy = TestImages.busy(800, 600);
        assertTrue(tags(TestImages.tinted(busy, Color.BLACK, new Color(70, 60, 90))).contains("dark"));
        assertTrue(tags(TestImages.tinted(busy, new Color(220, 220, 230), Color.WHITE)).contains("bright"));
    }

    @Test
    void faceCountsAndSizes() {
        BufferedImage image = TestImages.busy(1000, 800);
        faces.add(face(300, 100, 400, 0.95)); // half the height: close-up
        assertTrue(tags(image).containsAll(List.of("solo", "close-up")));
        faces.set(0, face(300, 100, 200, 0.95)); // a quarter: portrait
        assertTrue(tags(image).containsAll(List.of("solo", "portrait")));
        faces.set(0, face(300, 100, 100, 0.95)); // an eighth: solo only
        List<String> small = tags(image);
        assertTrue(small.contains("solo") && !small.contains("portrait"), small::toString);
        faces.add(face(700, 100, 90, 0.9));
        faces.add(face(10, 10, 90, 0.3)); // below the face score: not counted
        faces.add(face(500, 500, 10, 0.99)); // smaller than 3% of the short side: not counted
        List<String> two = tags(image);
        assertTrue(two.contains("multiple people") && !two.contains("solo"), two::toString);
    }

    @Test
    void textEnglishTextAndACornerWatermark() {
        BufferedImage image = TestImages.busy(1000, 800);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(200, 300, 600, 80);
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font("DejaVu Sans", java.awt.Font.BOLD, 48));
        g.drawString("Big headline", 220, 360);
        g.dispose();
        lines.add(line("Big headline in the middle", 200, 300, 800, 380, 0.95));
        List<String> headline = tags(image);
        assertTrue(headline.containsAll(List.of("text", "english text")) && !headline.contains("watermark"),
                headline::toString);
        lines.add(line("© tagline.dev", 850, 770, 990, 790, 0.9));
        assertTrue(tags(image).contains("watermark"));
        lines.clear();
        lines.add(line("中文字幕测试", 200, 300, 800, 380, 0.95));
        List<String> chinese = tags(image);
        assertTrue(chinese.contains("text") && !chinese.contains("english text"), chinese::toString);
        lines.set(0, line("unsure", 200, 300, 800, 380, 0.6)); // below the text confidence
        assertFalse(tags(image).contains("text"));
    }

    @Test
    void lowContrastTextAnywhereIsAWatermark() {
        BufferedImage image = TestImages.flat(1000, 800, new Color(120, 140, 160));
        lines.add(line("faint overlay", 300, 300, 700, 360, 0.9));
        assertTrue(tags(image).contains("watermark"));
    }

    @Test
    void scoresAreHalfAtTheThresholdAndTagsComeSortedByScore() {
        assertEquals(0.5, Margin.below(512, 512, 128), 1e-12);
        assertTrue(Margin.below(256, 512, 128) > 0.85);
        faces.add(face(300, 100, 50, 0.7));
        ScoredTags tags = tagger(QualitySettings.DEFAULTS).tag(List.of(TaggerInput.of(TestImages.busy(400, 300))))
                .get(0);
        assertEquals(List.of("lowres", "solo"), tags.names());
        assertEquals(0.7, tags.find("solo").orElseThrow().score(), 1e-9);
    }

    @Test
    void settingsAreValidatedNamingTheKey() {
        TaglineException e = assertThrows(TaglineException.class, () -> new QualitySettings(512, 0.01, 60, 12, 0.99,
                10, 0.9, 0.8, 0.8, 0.9, 0.05, 0.15, 0.25, 0.6, 0.03, 0.2, 0.45, 640, 6));
        assertTrue(e.getMessage().contains("tag.quality.dark-luma"), e.getMessage());
    }
}
