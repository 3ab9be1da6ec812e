package dev.tagline.inference.ocr;

import java.util.List;

/**
 * One line of text read from an image.
 *
 * @param corners the line's quadrilateral in source pixels: top-left, top-right, bottom-right, bottom-left
 * @param text the recognised text
 * @param confidence mean per-character probability of the recognised text, in [0, 1]
 * @param detectionScore mean text probability inside the detected box, in [0, 1]
 */
public record TextLine(List<Point> corners, String text, double confidence, double detectionScore) {
    public TextLine {
        corners = List.copyOf(corners);
        if (corners.size() != 4) {
            throw new IllegalArgumentException("a text line has 4 corners, got " + corners.size());
        }
    }

    /** A point in source pixels. */
    public record Point(double x, double y) {
    }

    public double minX() {
        return corners.stream().mapToDouble(Point::x).min().orElseThrow();
    }

    public double maxX() {
        return corners.stream().mapToDouble(Point::x).max().orElseThrow();
    }

    public double minY() {
        return corners.stream().mapToDouble(Point::y).min().orElseThrow();
    }

    public double maxY() {
        return corners.stream().mapToDouble(Point::y).max().orElseThrow();
    }
}
