package dev.tagline.video.signal;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4 §2.1 (a high shelf, then a high pass), with coefficients derived for
 * any sample rate the way libebur128 ({@code ebur128.c}, {@code ebur128_init_filter}) derives them from the
 * analogue prototype fitted to BS.1770's 48 kHz tables. Streaming; one instance per channel.
 */
final class KWeighting {
    // libebur128 ebur128_init_filter: stage 1 high shelf (+4 dB above ~1.7 kHz, head effects)
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    // libebur128 ebur128_init_filter: stage 2 high pass (RLB weighting)
    private static final double HIGHPASS_HZ = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;

    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private final double c1;
    private final double c2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;
    private double z1;
    private double z2;

    KWeighting(int sampleRate) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        b0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        b1 = 2.0 * (k * k - vh) / a0;
        b2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        a1 = 2.0 * (k * k - 1.0) / a0;
        a2 = (1.0 - k / SHELF_Q + k * k) / a0;
        double kh = Math.tan(Math.PI * HIGHPASS_HZ / sampleRate);
        double ah = 1.0 + kh / HIGHPASS_Q + kh * kh;
        c1 = 2.0 * (kh * kh - 1.0) / ah;
        c2 = (1.0 - kh / HIGHPASS_Q + kh * kh) / ah;
    }

    /** Filters one sample. */
    double apply(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        // stage 2: high pass with numerator (1, -2, 1) over the shelf's output history
        double z = y - 2.0 * y1 + y2 - c1 * z1 - c2 * z2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        z2 = z1;
        z1 = z;
        return z;
    }
}
