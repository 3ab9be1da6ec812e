package dev.tagline.inference.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Connected regions (8-connectivity) of a thresholded probability map, each reduced to the leftmost and rightmost
 * pixel of every row: the same convex hull, hence the same minimum-area rectangle, as the region's external contour
 * from {@code cv2.findContours}, at a fraction of the points.
 */
final class TextRegions {
    private TextRegions() {
    }

    /** Outlines as {@code x0, y0, x1, y1, …}, at most {@code max} of them, in scan order. */
    static List<double[]> outlines(float[] prob, int w, int h, float threshold, int max) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<double[]> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h && out.size() < max; start++) {
            if (label[start] != 0 || !(prob[start] > threshold)) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            var rowMin = new HashMap<Integer, int[]>();
            while (top > 0) {
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                int[] extent = rowMin.computeIfAbsent(py, k -> new int[] {px, px});
                extent[0] = Math.min(extent[0], px);
                extent[1] = Math.max(extent[1], px);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int q = ny * w + nx;
                        if (nx < 0 || nx >= w || label[q] != 0 || !(prob[q] > threshold)) {
                            continue;
                        }
                        label[q] = next;
                        stack[top++] = q;
                    }
                }
            }
            double[] xy = new double[rowMin.size() * 4];
            int i = 0;
            for (var e : rowMin.entrySet()) {
                xy[i++] = e.getValue()[0];
                xy[i++] = e.getKey();
                xy[i++] = e.getValue()[1];
                xy[i++] = e.getKey();
            }
            out.add(xy);
        }
        return out;
    }
}
