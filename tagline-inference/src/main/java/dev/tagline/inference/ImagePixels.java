package dev.tagline.inference;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Pixel access shared by the built-in image models: packed {@code 0xRRGGBB} ints of a {@code TYPE_INT_RGB} image and
 * bilinear rescaling. Stands in until the shared {@code RgbImage} type of tagline-core exists; then this goes away.
 */
public final class ImagePixels {
    private ImagePixels() {
    }

    /** The image as {@code TYPE_INT_RGB} (the same object when it already is one). */
    public static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight()) {
            return image;
        }
        return scaled(image, image.getWidth(), image.getHeight());
    }

    /** Packed RGB pixels, row-major; the array backs the image when it is {@code TYPE_INT_RGB}, so do not modify it. */
    public static int[] packed(BufferedImage image) {
        BufferedImage rgb = rgb(image);
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    /** A bilinear copy of {@code image} at {@code width × height}, {@code TYPE_INT_RGB}. */
    public static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
