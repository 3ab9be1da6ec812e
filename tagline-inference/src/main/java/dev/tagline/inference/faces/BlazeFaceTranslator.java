package dev.tagline.inference.faces;

import dev.tagline.inference.ImagePixels;
import dev.tagline.inference.faces.BlazeFaceDecoder.Candidate;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pure pre- and post-processing around the BlazeFace network. */
final class BlazeFaceTranslator {
    private BlazeFaceTranslator() {
    }

    /**
     * Letterboxes {@code image} onto a black square and returns it as NHWC RGB in [−1, 1] ({@code rgb · 2 − 1}, keijiro
     * NNUtils ImagePreprocess ColorCoeffs (−1, −1, −1, 2)). Padding is black, i.e. −1, as in MediaPipe.
     */
    static float[] preprocess(BufferedImage image, Letterbox box) {
        int size = box.size();
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            BufferedImage source = image;
            // Java2D's bilinear minification skips pixels; halve first for large reductions to avoid aliasing.
            while (source.getWidth() > 2 * box.drawnWidth() && source.getHeight() > 2 * box.drawnHeight()) {
                source = ImagePixels.scaled(source, source.getWidth() / 2, source.getHeight() / 2);
            }
            g.drawImage(source, box.offsetX(), box.offsetY(), box.drawnWidth(), box.drawnHeight(), null);
        } finally {
            g.dispose();
        }
        int[] pixels = ImagePixels.packed(square);
        float[] out = new float[size * size * 3];
        for (int i = 0, o = 0; i < pixels.length; i++) {
            int p = pixels[i];
            out[o++] = ((p >> 16) & 0xff) / 127.5f - 1f;
            out[o++] = ((p >> 8) & 0xff) / 127.5f - 1f;
            out[o++] = (p & 0xff) / 127.5f - 1f;
        }
        return out;
    }

    /** Maps candidates from the normalised square back to source pixels, clipping boxes to the image. */
    static List<Face> toFaces(List<Candidate> candidates, Letterbox box) {
        List<Face> faces = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double x0 = clamp(box.sourceX(c.cx() - c.w() / 2), box.srcWidth());
            double y0 = clamp(box.sourceY(c.cy() - c.h() / 2), box.srcHeight());
            double x1 = clamp(box.sourceX(c.cx() + c.w() / 2), box.srcWidth());
            double y1 = clamp(box.sourceY(c.cy() + c.h() / 2), box.srcHeight());
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            List<Face.Point> points = new ArrayList<>(BlazeFaceDecoder.KEYPOINTS);
            float[] kp = c.keypoints();
            for (int k = 0; k < BlazeFaceDecoder.KEYPOINTS; k++) {
                points.add(new Face.Point(box.sourceX(kp[2 * k]), box.sourceY(kp[2 * k + 1])));
            }
            faces.add(new Face(x0, y0, x1 - x0, y1 - y0, points, c.score()));
        }
        return faces;
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
