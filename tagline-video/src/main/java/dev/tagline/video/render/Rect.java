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

    /** The smallest rectangle holding all of {@code boxes}, or null when there are none. */
    static Rect around(java.util.List<Rect> boxes) {
        if (boxes.isEmpty()) {
            return null;
        }
        int x0 = boxes.stream().mapToInt(Rect::x).min().orElseThrow();
        int y0 = boxes.stream().mapToInt(Rect::y).min().orElseThrow();
        int x1 = boxes.stream().mapToInt(r -> r.x() + r.width()).max().orElseThrow();
        int y1 = boxes.stream().mapToInt(r -> r.y() + r.height()).max().orElseThrow();
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }
}
