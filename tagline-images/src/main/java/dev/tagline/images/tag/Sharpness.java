package dev.tagline.images.tag;

/**
 * Normalised variance of the Laplacian (Pech-Pacheco et al. 2000, "Diatom autofocusing in brightfield microscopy";
 * the usual {@code cv2.Laplacian(img).var()} blur measure): the 4-neighbour Laplacian's variance over the luma
 * variance, on the image scaled to a fixed size so the measure does not depend on resolution or contrast.
 */
final class Sharpness {
    /** Images with less luma spread than this are flat: there is nothing to be sharp or blurry. */
    static final double FLAT_VARIANCE = 0.0004;

    private Sharpness() {
    }

    /** The measure, or NaN for a flat image. */
    static double of(LumaPlane plane) {
        int w = plane.width();
        int h = plane.height();
        if (w < 3 || h < 3) {
            return Double.NaN;
        }
        double variance = plane.lumaVariance();
        if (variance < FLAT_VARIANCE) {
            return Double.NaN;
        }
        float[] l = plane.luma();
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = l[i - 1] + l[i + 1] + l[i - w] + l[i + w] - 4 * l[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return (sumSq / n - mean * mean) / variance;
    }
}
