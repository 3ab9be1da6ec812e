package dev.tagline.inference.faces;

import java.util.List;

/**
 * One detected face in source-image pixels (top-left origin).
 *
 * @param x left edge
 * @param y top edge
 * @param width box width
 * @param height box height
 * @param keypoints six points in MediaPipe order: right eye, left eye, nose tip, mouth centre, right ear tragion, left
 *     ear tragion (right/left as seen by the subject)
 * @param score detection confidence in [0, 1]
 */
public record Face(double x, double y, double width, double height, List<Point> keypoints, double score) {
    public Face {
        keypoints = List.copyOf(keypoints);
    }

    /** A point in source-image pixels. */
    public record Point(double x, double y) {
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }
}
