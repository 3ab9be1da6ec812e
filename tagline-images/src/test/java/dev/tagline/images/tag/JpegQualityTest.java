package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegQualityTest {
    @TempDir
    Path tmp;

    static Path writeJpeg(BufferedImage image, float quality, Path file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 35, 50, 75, 90})
    void recoversTheQualityAJpegWasSavedWith(int quality) throws Exception {
        Path file = writeJpeg(TestImages.busy(320, 240), quality / 100f, tmp.resolve("q" + quality + ".jpg"));
        int estimate = JpegQuality.estimate(file).orElseThrow();
        assertEquals(quality, estimate, 2, "estimated " + estimate);
    }

    @Test
    void notAJpegHasNoEstimate() throws Exception {
        Path png = tmp.resolve("a.png");
        ImageIO.write(TestImages.busy(64, 64), "png", png.toFile());
        assertTrue(JpegQuality.estimate(png).isEmpty());
        Path junk = Files.writeString(tmp.resolve("junk.jpg"), "not an image");
        assertTrue(JpegQuality.estimate(junk).isEmpty());
    }

    @Test
    void theTaggerTagsLowQualityFilesOnly() throws Exception {
        QualityTagger tagger = new QualityTagger(new QualityTaggerTest().fakeFaces, new QualityTaggerTest().fakeText,
                QualitySettings.DEFAULTS);
        BufferedImage image = TestImages.busy(1024, 768);
        Path low = writeJpeg(image, 0.3f, tmp.resolve("low.jpg"));
        Path high = writeJpeg(image, 0.92f, tmp.resolve("high.jpg"));
        List<ScoredTags> out = tagger.tag(List.of(TaggerInput.of(image, low), TaggerInput.of(image, high)));
        assertTrue(out.get(0).names().contains("jpeg artifacts"), out.get(0)::toString);
        assertTrue(out.get(1).names().isEmpty(), out.get(1)::toString);
    }
}
