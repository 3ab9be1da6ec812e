package dev.tagline.images.tag;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Random;

/** Generated pictures with known properties for the quality tagger tests. */
final class TestImages {
    private TestImages() {
    }

    /** A busy, colourful, sharp picture: coloured rectangles and thin lines on a gradient. */
    static BufferedImage busy(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x3366cc), w, h, new Color(0xcc9933)));
        g.fillRect(0, 0, w, h);
        Random r = new Random(3);
        for (int i = 0; i < 60; i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.8f, 0.4f + 0.6f * r.nextFloat()));
            g.fillRect(r.nextInt(w), r.nextInt(h), 5 + r.nextInt(w / 6), 5 + r.nextInt(h / 6));
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.6f, r.nextFloat()));
            g.drawLine(r.nextInt(w), r.nextInt(h), r.nextInt(w), r.nextInt(h));
        }
        g.dispose();
        for (int y = 0; y < h; y++) { // fine detail, like texture or film grain in a photo
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int d = r.nextInt(41) - 20;
                img.setRGB(x, y, (clamp(((p >> 16) & 0xff) + d) << 16) | (clamp(((p >> 8) & 0xff) + d) << 8)
                        | clamp((p & 0xff) + d));
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Box blur with the given radius; the unblurred border the convolution leaves is cut off. */
    static BufferedImage blur(BufferedImage src, int radius) {
        int size = 2 * radius + 1;
        float[] k = new float[size * size];
        java.util.Arrays.fill(k, 1f / (size * size));
        BufferedImage blurred = new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
        BufferedImage out = new BufferedImage(src.getWidth() - 2 * radius, src.getHeight() - 2 * radius,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(blurred, -radius, -radius, null);
        g.dispose();
        return out;
    }

    /** Every pixel mapped through (r, g, b) → f(luma). */
    static BufferedImage tinted(BufferedImage src, Color dark, Color light) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                double l = (((p >> 16) & 0xff) * 0.299 + ((p >> 8) & 0xff) * 0.587 + (p & 0xff) * 0.114) / 255;
                int r = (int) (dark.getRed() + l * (light.getRed() - dark.getRed()));
                int g = (int) (dark.getGreen() + l * (light.getGreen() - dark.getGreen()));
                int b = (int) (dark.getBlue() + l * (light.getBlue() - dark.getBlue()));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static BufferedImage flat(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
