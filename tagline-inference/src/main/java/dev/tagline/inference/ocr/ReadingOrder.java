package dev.tagline.inference.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reading order of detected boxes (PaddleOCR {@code tools/infer/predict_system.py} sorted_boxes): by the top-left
 * corner's y then x, then neighbours whose tops differ by less than 10 px are ordered left to right.
 */
final class ReadingOrder {
    /** predict_system.py: same-line tolerance in pixels. */
    static final double SAME_LINE_PX = 10;

    private ReadingOrder() {
    }

    static List<DbPostprocessor.Detection> sort(List<DbPostprocessor.Detection> boxes) {
        List<DbPostprocessor.Detection> out = new ArrayList<>(boxes);
        out.sort(Comparator.<DbPostprocessor.Detection>comparingDouble(d -> d.box().corners()[1])
                .thenComparingDouble(d -> d.box().corners()[0]));
        for (int i = 0; i < out.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                double[] a = out.get(j).box().corners();
                double[] b = out.get(j + 1).box().corners();
                if (Math.abs(b[1] - a[1]) < SAME_LINE_PX && b[0] < a[0]) {
                    DbPostprocessor.Detection tmp = out.get(j);
                    out.set(j, out.get(j + 1));
                    out.set(j + 1, tmp);
                } else {
                    break;
                }
            }
        }
        return out;
    }
}
