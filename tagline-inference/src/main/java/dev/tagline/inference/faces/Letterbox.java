package dev.tagline.inference.faces;

/**
 * Fits a {@code srcWidth × srcHeight} image into a square of {@code size} without distortion, centred, and maps
 * normalised square coordinates back to source pixels (MediaPipe ImageToTensorCalculator keep_aspect_ratio +
 * DetectionProjectionCalculator).
 */
record Letterbox(int size, int srcWidth, int srcHeight, int drawnWidth, int drawnHeight, int offsetX, int offsetY) {

    static Letterbox of(int srcWidth, int srcHeight, int size) {
        double scale = Math.min((double) size / srcWidth, (double) size / srcHeight);
        int w = Math.max(1, Math.min(size, (int) Math.round(srcWidth * scale)));
        int h = Math.max(1, Math.min(size, (int) Math.round(srcHeight * scale)));
        return new Letterbox(size, srcWidth, srcHeight, w, h, (size - w) / 2, (size - h) / 2);
    }

    /** Source x of a normalised [0, 1] square coordinate. */
    double sourceX(double normalisedX) {
        return (normalisedX * size - offsetX) * srcWidth / drawnWidth;
    }

    /** Source y of a normalised [0, 1] square coordinate. */
    double sourceY(double normalisedY) {
        return (normalisedY * size - offsetY) * srcHeight / drawnHeight;
    }

    /** Source width of a normalised horizontal extent. */
    double sourceWidth(double normalised) {
        return normalised * size * srcWidth / drawnWidth;
    }

    /** Source height of a normalised vertical extent. */
    double sourceHeight(double normalised) {
        return normalised * size * srcHeight / drawnHeight;
    }
}
