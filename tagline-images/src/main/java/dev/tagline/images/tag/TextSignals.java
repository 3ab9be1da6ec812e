package dev.tagline.images.tag;

import dev.tagline.inference.ocr.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code text}, {@code english text} and {@code watermark} from OCR lines. Watermark: confident text that is small
 * and near an edge (signatures, © lines, site names in a corner or along a border), or of low contrast anywhere.
 */
final class TextSignals {
    private TextSignals() {
    }

    static List<ScoredTag> tags(List<TextLine> lines, LumaPlane plane, int width, int height, QualitySettings s) {
        List<ScoredTag> out = new ArrayList<>();
        double best = 0;
        double bestLatin = 0;
        double watermark = 0;
        for (TextLine line : lines) {
            String letters = line.text().replaceAll("[^\\p{L}\\p{N}]", "");
            if (letters.length() < 2 || line.confidence() < s.textConfidence()) {
                continue;
            }
            best = Math.max(best, line.confidence());
            if (latinShare(line.text()) >= s.englishShare() && line.text().matches(".*\\p{L}{2,}.*")) {
                bestLatin = Math.max(bestLatin, line.confidence());
            }
            if (isWatermark(line, plane, width, height, s)) {
                watermark = Math.max(watermark, line.confidence());
            }
        }
        if (best > 0) {
            out.add(new ScoredTag("text", best));
        }
        if (bestLatin > 0) {
            out.add(new ScoredTag("english text", bestLatin));
        }
        if (watermark > 0) {
            out.add(new ScoredTag("watermark", watermark));
        }
        return out;
    }

    static boolean isWatermark(TextLine line, LumaPlane plane, int width, int height, QualitySettings s) {
        boolean small = (line.maxY() - line.minY()) <= s.watermarkHeight() * height;
        double band = s.watermarkEdge();
        boolean nearEdge = line.minX() <= band * width || line.maxX() >= (1 - band) * width
                || line.minY() <= band * height || line.maxY() >= (1 - band) * height;
        return small && nearEdge || contrast(line, plane, width, height) < s.watermarkContrast();
    }

    /** Luma p90 − p10 inside the line's bounding box, read from the downscaled plane. */
    static double contrast(TextLine line, LumaPlane plane, int width, int height) {
        double sx = (double) plane.width() / width;
        double sy = (double) plane.height() / height;
        int x0 = clamp((int) Math.floor(line.minX() * sx), plane.width() - 1);
        int x1 = clamp((int) Math.ceil(line.maxX() * sx), plane.width() - 1);
        int y0 = clamp((int) Math.floor(line.minY() * sy), plane.height() - 1);
        int y1 = clamp((int) Math.ceil(line.maxY() * sy), plane.height() - 1);
        int[] histogram = new int[101];
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                histogram[Math.round(plane.luma()[y * plane.width() + x] * 100)]++;
                n++;
            }
        }
        return (percentile(histogram, n, 0.9) - percentile(histogram, n, 0.1)) / 100.0;
    }

    private static int percentile(int[] histogram, int n, double q) {
        int target = (int) Math.ceil(q * n);
        int seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= target) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    static double latinShare(String text) {
        int letters = 0;
        int latin = 0;
        for (char c : text.toCharArray()) {
            if (Character.isLetter(c)) {
                letters++;
                if (c < 0x250) {
                    latin++;
                }
            }
        }
        return letters == 0 ? 0 : (double) latin / letters;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
