package dev.tagline.images.caption.florence;

import dev.tagline.core.RgbImage;
import dev.tagline.images.tag.PilResample;

/**
 * Florence-2's image preprocessing, as its {@code CLIPImageProcessor} (reference/captioning.md §4.2): squash the RGB
 * image to 768×768 (no crop, no padding) with PIL bicubic, rescale by 1/255 (in double, then float32 as numpy does),
 * subtract the ImageNet mean and divide by its std in float32, planes in NCHW order.
 */
final class FlorenceImages {
    private FlorenceImages() {
    }

    /** One image as the vision encoder's {@code [3, height, width]} input. */
    static float[] tensor(RgbImage image, FlorenceConfig config) {
        int w = config.imageWidth();
        int h = config.imageHeight();
        byte[] rgb = PilResample.resize(image, image.width(), image.height(), 0, 0, 0, w, h,
                PilResample.Filter.BICUBIC);
        int plane = w * h;
        float[] chw = new float[3 * plane];
        float[] mean = config.mean();
        float[] std = config.std();
        double rescale = config.rescale();
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            for (int c = 0; c < 3; c++) {
                float scaled = (float) ((rgb[p + c] & 0xff) * rescale);
                chw[c * plane + i] = (scaled - mean[c]) / std[c];
            }
        }
        return chw;
    }
}
