package dev.tagline.inference.ocr;

import dev.tagline.inference.ImagePixels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure tensor preparation for the three PaddleOCR networks. Channels are fed in BGR order, as PaddleOCR's OpenCV
 * pipeline does (models.md §3.2).
 */
final class OcrTranslator {
    /** DetResizeForTest / NormalizeImage: ImageNet mean and std. */
    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};
    /** rec_image_shape "3, 48, 320". */
    static final int REC_HEIGHT = 48;
    static final int REC_MIN_WIDTH = 320;
    /** cls_image_shape "3, 48, 192". */
    static final int CLS_HEIGHT = 48;
    static final int CLS_WIDTH = 192;

    private OcrTranslator() {
    }

    /** Detector input size: longest side at most {@code maxSide}, each side rounded to a multiple of 32 (min 32). */
    static int[] detSize(int width, int height, int maxSide) {
        double ratio = Math.max(width, height) > maxSide ? (double) maxSide / Math.max(width, height) : 1.0;
        int w = Math.max(32, (int) Math.round((int) (width * ratio) / 32.0) * 32);
        int h = Math.max(32, (int) Math.round((int) (height * ratio) / 32.0) * 32);
        return new int[] {w, h};
    }

    /** NCHW {@code [1, 3, h, w]}: x/255, minus mean, over std. */
    static float[] detInput(BufferedImage image, int w, int h) {
        int[] pixels = ImagePixels.packed(ImagePixels.scaled(image, w, h));
        float[] out = new float[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            out[i] = ((p & 0xff) / 255f - DET_MEAN[0]) / DET_STD[0];
            out[plane + i] = (((p >> 8) & 0xff) / 255f - DET_MEAN[1]) / DET_STD[1];
            out[2 * plane + i] = (((p >> 16) & 0xff) / 255f - DET_MEAN[2]) / DET_STD[2];
        }
        return out;
    }

    /** Width a crop of {@code ratio = w/h} gets at height 48, capped at {@code maxWidth}. */
    static int scaledWidth(double ratio, int height, int maxWidth) {
        return Math.max(1, Math.min(maxWidth, (int) Math.ceil(height * ratio)));
    }

    /** Each quad sampled upright at {@code height} and its own width (at most {@code maxWidth}). */
    static List<Crop> crops(int[] src, int srcW, int srcH, List<double[]> quads, double[] ratios, int height,
            int maxWidth) {
        List<Crop> out = new ArrayList<>(quads.size());
        for (int n = 0; n < quads.size(); n++) {
            int w = scaledWidth(ratios[n], height, maxWidth);
            out.add(new Crop(QuadSampler.sample(src, srcW, srcH, quads.get(n), w, height), w, height));
        }
        return out;
    }

    /** A sampled crop, packed RGB. */
    record Crop(int[] pixels, int width, int height) {
    }

    /**
     * One batch {@code [n, 3, height, batchWidth]}: {@code (x/255 − 0.5)/0.5} and zero (mid-grey) padding on the right
     * (RecResizeImg / resize_norm_img).
     */
    static float[] batchInput(List<Crop> crops, int height, int batchWidth) {
        int plane = height * batchWidth;
        float[] out = new float[crops.size() * 3 * plane];
        for (int n = 0; n < crops.size(); n++) {
            Crop crop = crops.get(n);
            int w = crop.width();
            int base = n * 3 * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < w; x++) {
                    int p = crop.pixels()[y * w + x];
                    int o = base + y * batchWidth + x;
                    out[o] = ((p & 0xff) / 255f - 0.5f) / 0.5f;
                    out[o + plane] = (((p >> 8) & 0xff) / 255f - 0.5f) / 0.5f;
                    out[o + 2 * plane] = (((p >> 16) & 0xff) / 255f - 0.5f) / 0.5f;
                }
            }
        }
        return out;
    }

    /** Width/height of the upright crop of {@code quad} (get_rotate_crop_image: the longer of each pair of sides). */
    static double[] cropSize(double[] q) {
        double w = Math.max(Math.hypot(q[2] - q[0], q[3] - q[1]), Math.hypot(q[4] - q[6], q[5] - q[7]));
        double h = Math.max(Math.hypot(q[6] - q[0], q[7] - q[1]), Math.hypot(q[4] - q[2], q[5] - q[3]));
        return new double[] {Math.max(1, w), Math.max(1, h)};
    }
}
