package dev.tagline.video.render;

/** An axis-aligned rectangle in source pixels (top-left origin). */
public record Rect(int x, int y, int width, int height) {
    public Rect {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty rectangle " + width + "x" + height);
        }
    }

    /** The rectangle with even position and size, as yuv420p crops need. */
    public Rect even() {
        return new Rect(x & ~1, y & ~1, Math.max(2, width & ~1), Math.max(2, height & ~1));
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }
}
