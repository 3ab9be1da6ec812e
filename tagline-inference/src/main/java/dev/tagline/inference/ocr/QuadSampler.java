package dev.tagline.inference.ocr;

/**
 * Samples the inside of a quadrilateral (top-left, top-right, bottom-right, bottom-left) into an upright
 * {@code outW × outH} crop: PaddleOCR's {@code get_rotate_crop_image} perspective warp fused with the recogniser's
 * resize. DB boxes are rectangles, so the affine map through three corners is exact. Each output pixel averages a
 * k×k grid of bilinear samples, k growing with the reduction, so large text does not alias.
 */
final class QuadSampler {
    private QuadSampler() {
    }

    /** Packed 0xRRGGBB crop, row-major. */
    static int[] sample(int[] src, int srcW, int srcH, double[] quad, int outW, int outH) {
        double ox = quad[0];
        double oy = quad[1];
        double ux = (quad[2] - quad[0]) / outW;
        double uy = (quad[3] - quad[1]) / outW;
        double vx = (quad[6] - quad[0]) / outH;
        double vy = (quad[7] - quad[1]) / outH;
        double stepLength = Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy));
        int k = Math.max(1, Math.min(8, (int) Math.ceil(stepLength)));
        int[] out = new int[outW * outH];
        for (int j = 0; j < outH; j++) {
            for (int i = 0; i < outW; i++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int sj = 0; sj < k; sj++) {
                    double v = j + (sj + 0.5) / k;
                    for (int si = 0; si < k; si++) {
                        double u = i + (si + 0.5) / k;
                        int p = bilinear(src, srcW, srcH, ox + u * ux + v * vx - 0.5, oy + u * uy + v * vy - 0.5);
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                int n = k * k;
                out[j * outW + i] = ((int) (r / n + 0.5) << 16) | ((int) (g / n + 0.5) << 8) | (int) (b / n + 0.5);
            }
        }
        return out;
    }

    /** Bilinear sample with edge replication (borderMode REPLICATE). */
    static int bilinear(int[] src, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        int p00 = src[y0 * w + x0];
        int p10 = src[y0 * w + x1];
        int p01 = src[y1 * w + x0];
        int p11 = src[y1 * w + x1];
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((p00 >> shift) & 0xff) * (1 - fx) + ((p10 >> shift) & 0xff) * fx;
            double bottom = ((p01 >> shift) & 0xff) * (1 - fx) + ((p11 >> shift) & 0xff) * fx;
            out |= ((int) (top * (1 - fy) + bottom * fy + 0.5)) << shift;
        }
        return out;
    }

    /** Corners rotated so the crop comes out turned 90° counter-clockwise ({@code np.rot90}). */
    static double[] rotate90(double[] q) {
        return new double[] {q[2], q[3], q[4], q[5], q[6], q[7], q[0], q[1]};
    }

    /** Corners rotated so the crop comes out turned 180°. */
    static double[] rotate180(double[] q) {
        return new double[] {q[4], q[5], q[6], q[7], q[0], q[1], q[2], q[3]};
    }
}
