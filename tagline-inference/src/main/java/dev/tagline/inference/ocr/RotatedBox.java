package dev.tagline.inference.ocr;

import java.util.Arrays;

/**
 * A rotated rectangle as four corners ordered like PaddleOCR {@code get_mini_boxes}: top-left, top-right,
 * bottom-right, bottom-left, with the short side's length. Coordinates are {@code x0, y0, x1, y1, …}.
 */
record RotatedBox(double[] corners, double shortSide) {

    /** Orders four corners as {@code get_mini_boxes} does: sort by x; the two left ones by y, the two right ones by y. */
    static RotatedBox ordered(double[][] points) {
        double[][] p = points.clone();
        Arrays.sort(p, (a, b) -> Double.compare(a[0], b[0]));
        double[] tl = p[0][1] <= p[1][1] ? p[0] : p[1];
        double[] bl = p[0][1] <= p[1][1] ? p[1] : p[0];
        double[] tr = p[2][1] <= p[3][1] ? p[2] : p[3];
        double[] br = p[2][1] <= p[3][1] ? p[3] : p[2];
        double w = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
        double h = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
        return new RotatedBox(new double[] {tl[0], tl[1], tr[0], tr[1], br[0], br[1], bl[0], bl[1]}, Math.min(w, h));
    }

    double area() {
        double w = Math.hypot(corners[2] - corners[0], corners[3] - corners[1]);
        double h = Math.hypot(corners[6] - corners[0], corners[7] - corners[1]);
        return w * h;
    }

    double perimeter() {
        double w = Math.hypot(corners[2] - corners[0], corners[3] - corners[1]);
        double h = Math.hypot(corners[6] - corners[0], corners[7] - corners[1]);
        return 2 * (w + h);
    }

    /**
     * PaddleOCR's unclip: offset outward by {@code area × ratio / perimeter} with round joins (pyclipper), then take
     * the
     * minimum-area rectangle again. For a rectangle that is exactly the rectangle grown by the distance on every side.
     */
    RotatedBox unclip(double ratio) {
        double perimeter = perimeter();
        if (perimeter == 0) {
            return this;
        }
        double d = area() * ratio / perimeter;
        double cx = (corners[0] + corners[4]) / 2;
        double cy = (corners[1] + corners[5]) / 2;
        double[] ux = unit(corners[2] - corners[0], corners[3] - corners[1]);
        double[] uy = unit(corners[6] - corners[0], corners[7] - corners[1]);
        double hw = Math.hypot(corners[2] - corners[0], corners[3] - corners[1]) / 2 + d;
        double hh = Math.hypot(corners[6] - corners[0], corners[7] - corners[1]) / 2 + d;
        double[][] grown = new double[4][];
        int i = 0;
        for (int sy = -1; sy <= 1; sy += 2) {
            for (int sx = -1; sx <= 1; sx += 2) {
                grown[i++] = new double[] {cx + sx * hw * ux[0] + sy * hh * uy[0], cy + sx * hw * ux[1] + sy * hh * uy[1]};
            }
        }
        return ordered(grown);
    }

    private static double[] unit(double x, double y) {
        double n = Math.hypot(x, y);
        return n == 0 ? new double[] {1, 0} : new double[] {x / n, y / n};
    }

    /** Whether (x, y) lies inside this convex quadrilateral (edges included). */
    boolean contains(double x, double y) {
        boolean pos = false;
        boolean neg = false;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            double cross = (corners[2 * j] - corners[2 * i]) * (y - corners[2 * i + 1])
                    - (corners[2 * j + 1] - corners[2 * i + 1]) * (x - corners[2 * i]);
            pos |= cross > 1e-9;
            neg |= cross < -1e-9;
        }
        return !(pos && neg);
    }
}
