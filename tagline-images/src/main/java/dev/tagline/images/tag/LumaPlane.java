package dev.tagline.images.tag;

import dev.tagline.inference.ImagePixels;
import java.awt.image.BufferedImage;

/**
 * A downscaled copy of an image for the pixel statistics of the quality tagger: packed RGB and Rec. 601 luma in
 * [0, 1]. Large images are halved step by step (each bilinear halving averages 2×2 pixels) so the statistics see the
 * picture, not aliasing.
 */
record LumaPlane(int width, int height, int[] rgb, float[] luma) {

    static LumaPlane of(BufferedImage image, int maxSide) {
        BufferedImage small = ImagePixels.rgb(image);
        while (Math.max(small.getWidth(), small.getHeight()) >= 2 * maxSide) {
            small = ImagePixels.scaled(small, Math.max(1, small.getWidth() / 2), Math.max(1, small.getHeight() / 2));
        }
        if (Math.max(small.getWidth(), small.getHeight()) > maxSide) {
            double s = (double) maxSide / Math.max(small.getWidth(), small.getHeight());
            small = ImagePixels.scaled(small, Math.max(1, (int) Math.round(small.getWidth() * s)),
                    Math.max(1, (int) Math.round(small.getHeight() * s)));
        }
        int[] rgb = ImagePixels.packed(small).clone();
        float[] luma = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = (((p >> 16) & 0xff) * 0.299f + ((p >> 8) & 0xff) * 0.587f + (p & 0xff) * 0.114f) / 255f;
        }
        return new LumaPlane(small.getWidth(), small.getHeight(), rgb, luma);
    }

    double meanLuma() {
        double sum = 0;
        for (float v : luma) {
            sum += v;
        }
        return sum / luma.length;
    }

    double lumaVariance() {
        double mean = meanLuma();
        double sum = 0;
        for (float v : luma) {
            sum += (v - mean) * (v - mean);
        }
        return sum / luma.length;
    }
}
