package dev.tagline.images.tag;

/**
 * Chroma statistics for {@code greyscale} / {@code monochrome}: the share of pixels whose channel spread
 * (max − min of R, G, B) is at most a small grey tolerance, and the circular spread of hue over the other pixels,
 * weighted by their chroma.
 *
 * @param greyShare share of near-grey pixels, in [0, 1]
 * @param hueSpreadDegrees circular standard deviation of hue over coloured pixels (0 when there are none)
 */
record ColourStats(double greyShare, double hueSpreadDegrees) {

    static ColourStats of(LumaPlane plane, int greyChroma) {
        int grey = 0;
        double sx = 0;
        double sy = 0;
        double weight = 0;
        for (int p : plane.rgb()) {
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            int chroma = max - min;
            if (chroma <= greyChroma) {
                grey++;
                continue;
            }
            double hue = hueRadians(r, g, b, max, chroma);
            sx += chroma * Math.cos(hue);
            sy += chroma * Math.sin(hue);
            weight += chroma;
        }
        double spread = 0;
        if (weight > 0) {
            double resultant = Math.hypot(sx, sy) / weight;
            spread = Math.toDegrees(Math.sqrt(-2 * Math.log(Math.max(resultant, 1e-12))));
        }
        return new ColourStats((double) grey / plane.rgb().length, spread);
    }

    private static double hueRadians(int r, int g, int b, int max, int chroma) {
        double h;
        if (max == r) {
            h = ((g - b) / (double) chroma + 6) % 6;
        } else if (max == g) {
            h = (b - r) / (double) chroma + 2;
        } else {
            h = (r - g) / (double) chroma + 4;
        }
        return h * Math.PI / 3;
    }
}
