package dev.tagline.inference.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterboxTest {
    @Test
    void wideFramesArePaddedTopAndBottomAndMapBackToSourcePixels() {
        Letterbox box = Letterbox.of(1920, 1080, 128);
        assertEquals(128, box.drawnWidth());
        assertEquals(72, box.drawnHeight());
        assertEquals(28, box.offsetY());
        assertEquals(0, box.offsetX());
        assertEquals(960, box.sourceX(0.5), 1e-9);
        assertEquals(0, box.sourceY(28 / 128.0), 1e-9);
        assertEquals(1080, box.sourceY(100 / 128.0), 1e-9);
        assertEquals(1920, box.sourceWidth(1.0), 1e-9);
    }

    @Test
    void tallFramesArePaddedLeftAndRight() {
        Letterbox box = Letterbox.of(600, 1200, 256);
        assertEquals(128, box.drawnWidth());
        assertEquals(64, box.offsetX());
        assertEquals(300, box.sourceX(0.5), 1e-9);
    }

    @Test
    void preprocessScalesToMinusOneOneAndPadsWithBlack() {
        BufferedImage white = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        var g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        Letterbox box = Letterbox.of(200, 100, 128);
        float[] in = BlazeFaceTranslator.preprocess(white, box);
        assertEquals(128 * 128 * 3, in.length);
        assertEquals(-1f, in[0], 1e-6); // top padding row
        int centre = (64 * 128 + 64) * 3;
        assertEquals(1f, in[centre], 1e-6);
    }

    @Test
    void facesAreMappedToSourcePixelsAndClippedToTheImage() {
        Letterbox box = Letterbox.of(1920, 1080, 128);
        float[] kp = new float[12];
        kp[0] = 0.5f;
        kp[1] = 0.5f;
        Candidate c = new Candidate(0.05f, 0.5f, 0.2f, 0.1f, kp, 0.8f);
        List<Face> faces = BlazeFaceTranslator.toFaces(List.of(c), box);
        Face f = faces.get(0);
        assertEquals(0, f.x(), 1e-9);
        assertEquals(0.15 * 1920, f.width(), 1e-3);
        assertEquals(540 - 0.05 * 128 * 1080 / 72, f.y(), 1e-3);
        assertEquals(960, f.keypoints().get(0).x(), 1e-3);
        assertEquals(540, f.keypoints().get(0).y(), 1e-3);
        assertTrue(f.height() > 0);
    }
}
