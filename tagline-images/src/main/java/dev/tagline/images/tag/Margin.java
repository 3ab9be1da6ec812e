package dev.tagline.images.tag;

/**
 * Turns "how far past the threshold" into a score: a logistic curve that is 0.5 at the threshold and 0.73 one
 * {@code width} past it, 0.88 two widths past.
 */
final class Margin {
    private Margin() {
    }

    /** Score for a tag that applies when {@code value < threshold}. */
    static double below(double value, double threshold, double width) {
        return logistic((threshold - value) / width);
    }

    /** Score for a tag that applies when {@code value > threshold}. */
    static double above(double value, double threshold, double width) {
        return logistic((value - threshold) / width);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
