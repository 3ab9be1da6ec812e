package dev.tagline.inference.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-area enclosing rectangle of a point set (OpenCV {@code cv2.minAreaRect}): convex hull (monotone chain), then
 * rotating calipers over the hull edges.
 */
final class MinAreaRect {
    private MinAreaRect() {
    }

    /** @param xy points as {@code x0, y0, x1, y1, …}; at least one point */
    static RotatedBox of(double[] xy) {
        double[][] hull = hull(xy);
        if (hull.length == 1) {
            return RotatedBox.ordered(new double[][] {hull[0], hull[0], hull[0], hull[0]});
        }
        double bestArea = Double.MAX_VALUE;
        double[][] best = null;
        for (int i = 0; i < hull.length; i++) {
            double[] a = hull[i];
            double[] b = hull[(i + 1) % hull.length];
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            if (len == 0) {
                continue;
            }
            double ux = (b[0] - a[0]) / len;
            double uy = (b[1] - a[1]) / len;
            double minU = Double.MAX_VALUE;
            double maxU = -Double.MAX_VALUE;
            double minV = Double.MAX_VALUE;
            double maxV = -Double.MAX_VALUE;
            for (double[] p : hull) {
                double u = (p[0] - a[0]) * ux + (p[1] - a[1]) * uy;
                double v = -(p[0] - a[0]) * uy + (p[1] - a[1]) * ux;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea - 1e-9) {
                bestArea = area;
                best = new double[4][];
                double[][] uv = {{minU, minV}, {maxU, minV}, {maxU, maxV}, {minU, maxV}};
                for (int k = 0; k < 4; k++) {
                    best[k] = new double[] {a[0] + uv[k][0] * ux - uv[k][1] * uy, a[1] + uv[k][0] * uy + uv[k][1] * ux};
                }
            }
        }
        if (best == null) {
            return RotatedBox.ordered(new double[][] {hull[0], hull[0], hull[0], hull[0]});
        }
        return RotatedBox.ordered(best);
    }

    static double[][] hull(double[] xy) {
        int n = xy.length / 2;
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        }
        Arrays.sort(pts, (p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
        List<double[]> lower = new ArrayList<>();
        for (double[] p : pts) {
            while (lower.size() >= 2 && cross(lower.get(lower.size() - 2), lower.get(lower.size() - 1), p) <= 0) {
                lower.remove(lower.size() - 1);
            }
            lower.add(p);
        }
        List<double[]> upper = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            double[] p = pts[i];
            while (upper.size() >= 2 && cross(upper.get(upper.size() - 2), upper.get(upper.size() - 1), p) <= 0) {
                upper.remove(upper.size() - 1);
            }
            upper.add(p);
        }
        lower.remove(lower.size() - 1);
        upper.remove(upper.size() - 1);
        lower.addAll(upper);
        return lower.isEmpty() ? new double[][] {pts[0]} : lower.toArray(new double[0][]);
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
