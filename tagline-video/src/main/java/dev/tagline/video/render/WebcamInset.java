package dev.tagline.video.render;

/**
 * Grows a small face box to the webcam inset around it: the camera picture pasted over a screen recording. A camera
 * picture is textured nearly everywhere (a face, hair, clothes, a room), and the screen round an inset is a flat fill
 * for at least a few pixels before any text; so from the face, each side walks outward line by line (columns, then
 * rows across the columns found) while the line holds texture, and the inset ends at the last textured line before
 * {@value #GAP} flat ones, or at the frame's edge. A line's texture is its steps along itself and to the next line
 * outward: a curtain's vertical folds are flat along a column but not across it, and the screen just outside the
 * inset is flat both ways (a step to the line inward would count it in). A side that finds no flat gap within its
 * reach (a face in a camera shot, "faces" in a slide's lettering) means no inset. Without this, the inset's picture
 * beside the face counted as screen content: the stacked panel reached into the inset and showed its edge (dogfood
 * round 5, G1). Known limit: a picture flat round the face (a plain wall) is found only as far as its texture goes.
 * Pure.
 */
final class WebcamInset {
    /** Luma step (0–255) to a neighbour that makes a pixel textured: camera pictures, not flat fills or noise. */
    static final int TEXTURE_STEP = 8;
    /** A line is flat when at most this share of its pixels is textured (the dogfood inset's least held 17 %). */
    static final double FLAT = 0.02;
    /** Flat lines in a row that end the inset: 3 analysis pixels (6 of a 1280-wide source), a screen's margin. */
    static final int GAP = 3;
    /** How far the inset may reach past the face, in face widths to each side, and face heights up and down. */
    static final double REACH_SIDE = 3;
    static final double REACH_UP = 2;
    static final double REACH_DOWN = 5;
    /** An inset is at most this share of the frame's width and of its height. */
    static final double MAX_SHARE = 0.5;

    private WebcamInset() {
    }

    /** The inset around {@code face} in a {@code w×h} packed-RGB frame, in the frame's pixels, or null. */
    static Rect find(byte[] rgb, int w, int h, Rect face) {
        int[] luma = new int[w * h];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (77 * (rgb[3 * i] & 0xff) + 150 * (rgb[3 * i + 1] & 0xff) + 29 * (rgb[3 * i + 2] & 0xff)) >> 8;
        }
        Lines lines = new Lines(luma, w, h);
        int y0 = Math.max(0, face.y());
        int y1 = Math.min(h, face.y() + face.height());
        int reachX = (int) Math.ceil(REACH_SIDE * face.width());
        int left = lines.walk(false, face.x() - 1, -1, reachX, y0, y1);
        int right = lines.walk(false, face.x() + face.width(), 1, reachX, y0, y1);
        if (left < 0 || right < 0 || y0 >= y1) {
            return null;
        }
        int top = lines.walk(true, face.y() - 1, -1, (int) Math.ceil(REACH_UP * face.height()), left, right + 1);
        int bottom = lines.walk(true, face.y() + face.height(), 1, (int) Math.ceil(REACH_DOWN * face.height()), left,
                right + 1);
        if (top < 0 || bottom < 0 || right - left + 1 > MAX_SHARE * w || bottom - top + 1 > MAX_SHARE * h) {
            return null;
        }
        return new Rect(left, top, right - left + 1, bottom - top + 1);
    }

    /** Texture along the frame's columns and rows. */
    private record Lines(int[] luma, int w, int h) {
        private int at(boolean rows, int p, int a) {
            return rows ? luma[p * w + a] : luma[a * w + p];
        }

        /**
         * The share of pixels of column (or row, with {@code rows}) {@code p}, from {@code a0} to {@code a1}, with a
         * step to the next pixel along the line or to line {@code outer} (none when it is off the frame).
         */
        private double share(boolean rows, int p, int outer, int a0, int a1) {
            int size = rows ? w : h;
            boolean across = outer >= 0 && outer < (rows ? h : w);
            int n = 0;
            for (int a = a0; a < a1; a++) {
                int l = at(rows, p, a);
                boolean along = a + 1 < size && Math.abs(l - at(rows, p, a + 1)) >= TEXTURE_STEP;
                if (along || across && Math.abs(l - at(rows, outer, a)) >= TEXTURE_STEP) {
                    n++;
                }
            }
            return (double) n / Math.max(1, a1 - a0);
        }

        /**
         * From line {@code from} in direction {@code step}: the last textured line before {@value #GAP} flat ones, the
         * frame's last line when it comes first, or −1 when neither comes within {@code reach} lines.
         */
        int walk(boolean rows, int from, int step, int reach, int a0, int a1) {
            int size = rows ? h : w;
            int last = from - step;
            int flat = 0;
            for (int p = from; ; p += step) {
                if (p < 0 || p >= size) {
                    return p - step;
                }
                if (Math.abs(p - from) >= reach) {
                    return -1;
                }
                if (share(rows, p, p + step, a0, a1) <= FLAT) {
                    if (++flat >= GAP) {
                        return Math.max(0, Math.min(size - 1, last));
                    }
                } else {
                    flat = 0;
                    last = p;
                }
            }
        }
    }
}
