package dev.tagline.video.render;

import java.util.List;

/**
 * Finds the region of a frame that holds screen content (slides, code, a browser): the bounding box of pixels with a
 * sharp edge, ignoring faces, the body under them and the webcam insets round them ({@link WebcamInset}). Screen
 * captures are made of hard, axis-aligned edges over flat fills, so their detail spans most of the content's width; a
 * talking head against a wall has edges only around the person. The width of that box is the "fraction of frame width
 * the content spans" on which OpenShorts' SCREENCAST layout decides (video.md §11.1; OpenShorts asks an LLM, Tagline measures pixels). Pure.
 */
final class ScreenContent {
    /** Luma step (0–255) between neighbours that counts as a sharp edge. */
    static final int EDGE_STEP = 48;
    /** A column or row holds content when at least this share of its pixels are edges. */
    static final double MIN_SHARE = 0.01;
    /** Pixels within this many face sizes left, right and above a face's centre are the person (or its inset). */
    static final double FACE_MARGIN = 1.6;
    /** … and this many face heights below it: the shoulders and body under the head. */
    static final double BODY_BELOW = 3.5;

    private ScreenContent() {
    }

    /** Mean luma of packed RGB, 0–255. */
    static double meanLuma(byte[] rgb) {
        long sum = 0;
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            sum += luma(rgb, i);
        }
        return sum / Math.max(1.0, rgb.length / 3.0);
    }

    /** The content box in the frame's pixels, or null when there is hardly any detail. */
    static Rect find(byte[] rgb, int w, int h, List<Rect> faces) {
        return find(rgb, w, h, faces, List.of());
    }

    /** The content box outside {@code faces} (with their bodies) and {@code insets}, or null. */
    static Rect find(byte[] rgb, int w, int h, List<Rect> faces, List<Rect> insets) {
        int[] cols = new int[w];
        int[] rows = new int[h];
        for (int y = 0; y + 1 < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                int i = (y * w + x) * 3;
                int l = luma(rgb, i);
                int dx = Math.abs(l - luma(rgb, i + 3));
                int dy = Math.abs(l - luma(rgb, i + w * 3));
                if (Math.max(dx, dy) >= EDGE_STEP && !nearFace(x, y, faces) && !touches(x, y, insets)) {
                    cols[x]++;
                    rows[y]++;
                }
            }
        }
        int x0 = first(cols, h * MIN_SHARE);
        int y0 = first(rows, w * MIN_SHARE);
        if (x0 < 0 || y0 < 0) {
            return null;
        }
        int x1 = last(cols, h * MIN_SHARE);
        int y1 = last(rows, w * MIN_SHARE);
        return new Rect(x0, y0, Math.max(1, x1 - x0 + 1), Math.max(1, y1 - y0 + 1));
    }

    /**
     * The box of the pixels {@link #find} takes for the person of {@code face}: {@link #FACE_MARGIN} face sizes left,
     * right and above its centre, {@link #BODY_BELOW} face heights below it.
     */
    static Rect zone(Rect face) {
        double r = FACE_MARGIN * Math.max(face.width(), face.height());
        int x0 = (int) Math.floor(face.centreX() - r);
        int y0 = (int) Math.floor(face.centreY() - r);
        return new Rect(x0, y0, Math.max(1, (int) Math.ceil(face.centreX() + r) - x0 + 1),
                Math.max(1, (int) Math.ceil(face.centreY() + BODY_BELOW * face.height()) - y0 + 1));
    }

    /** Whether pixel (x, y) or the neighbours its edge is measured against lie in an inset: the inset's own border. */
    private static boolean touches(int x, int y, List<Rect> insets) {
        return !insets.isEmpty() && (inside(x, y, insets) || inside(x + 1, y, insets) || inside(x, y + 1, insets));
    }

    /** Whether pixel (x, y) lies in one of {@code boxes}. */
    static boolean inside(int x, int y, List<Rect> boxes) {
        for (Rect b : boxes) {
            if (x >= b.x() && x < b.x() + b.width() && y >= b.y() && y < b.y() + b.height()) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearFace(int x, int y, List<Rect> faces) {
        for (Rect f : faces) {
            double r = FACE_MARGIN * Math.max(f.width(), f.height());
            double dy = y - f.centreY();
            if (Math.abs(x - f.centreX()) <= r && dy >= -r && dy <= BODY_BELOW * f.height()) {
                return true;
            }
        }
        return false;
    }

    private static int first(int[] counts, double min) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= Math.max(2, min)) {
                return i;
            }
        }
        return -1;
    }

    private static int last(int[] counts, double min) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] >= Math.max(2, min)) {
                return i;
            }
        }
        return -1;
    }

    private static int luma(byte[] rgb, int i) {
        return (77 * (rgb[i] & 0xff) + 150 * (rgb[i + 1] & 0xff) + 29 * (rgb[i + 2] & 0xff)) >> 8;
    }
}
