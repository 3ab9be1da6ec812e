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

    /**
     * The box the {@code boxes} span, each side leaving out its {@code drop} most outlying values (a box seen on only a
     * sample or two); null when there are none. With {@code drop} 0, {@link #around}.
     */
    static Rect spanning(java.util.List<Rect> boxes, int drop) {
        return bounds(boxes, drop, false);
    }

    /**
     * The box all of {@code boxes} share (an inset drifting a few pixels), each side leaving out its {@code drop} most
     * inward values (a box found too small once or twice); null when there are none or they share nothing.
     */
    static Rect within(java.util.List<Rect> boxes, int drop) {
        return bounds(boxes, drop, true);
    }

    private static Rect bounds(java.util.List<Rect> boxes, int drop, boolean inner) {
        if (boxes.isEmpty()) {
            return null;
        }
        int k = Math.min(drop, (boxes.size() - 1) / 2);
        int[] x0 = boxes.stream().mapToInt(Rect::x).sorted().toArray();
        int[] y0 = boxes.stream().mapToInt(Rect::y).sorted().toArray();
        int[] x1 = boxes.stream().mapToInt(r -> r.x() + r.width()).sorted().toArray();
        int[] y1 = boxes.stream().mapToInt(r -> r.y() + r.height()).sorted().toArray();
        int lo = inner ? x0.length - 1 - k : k; // x0 and y0: the largest values lie inward, the smallest outward
        int hi = inner ? k : x1.length - 1 - k;
        int w = x1[hi] - x0[lo];
        int h = y1[hi] - y0[lo];
        return w <= 0 || h <= 0 ? null : new Rect(x0[lo], y0[lo], w, h);
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }
}
