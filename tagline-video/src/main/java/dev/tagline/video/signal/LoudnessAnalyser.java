package dev.tagline.video.signal;

import java.time.Duration;

/**
 * Short-term loudness in LUFS, EBU R128 style: K-weighted mean square (ITU-R BS.1770-4 §2.1) over a sliding 3 s
 * rectangular window (EBU Tech 3341 §2.2, "short-term"), one value every 100 ms (Tech 3341 asks for at least 10 Hz).
 * Mono input, so the channel weight is 1. Before 3 s of audio the window holds what there is; silence reads as the
 * absolute gate, -70 LUFS (BS.1770-4 §5.1). Memory: 30 block energies plus the output series.
 */
public final class LoudnessAnalyser implements SignalAnalyser {
    /** BS.1770-4 eq. (2): L = -0.691 + 10 log10(mean square of the K-weighted signal). */
    static final double OFFSET_DB = -0.691;
    /** BS.1770-4 §5.1 absolute gate; used as the floor for silence. */
    public static final double ABSOLUTE_GATE_LUFS = -70.0;
    /** EBU Tech 3341 §2.2: short-term window. */
    public static final Duration WINDOW = Duration.ofSeconds(3);
    public static final Duration STEP = Duration.ofMillis(100);

    private final TimeSeries.Builder series = new TimeSeries.Builder(STEP);
    private KWeighting filter;
    private int blockSamples;
    private double[] energies;
    private int filled;
    private int next;
    private double blockSum;
    private int blockCount;

    @Override
    public void onAudio(AudioBlock block) {
        if (filter == null) {
            filter = new KWeighting(block.sampleRate());
            blockSamples = (int) (block.sampleRate() * STEP.toNanos() / 1_000_000_000L);
            energies = new double[(int) (WINDOW.toNanos() / STEP.toNanos())];
        }
        for (float s : block.samples()) {
            double k = filter.apply(s);
            blockSum += k * k;
            if (++blockCount == blockSamples) {
                closeBlock();
            }
        }
    }

    private void closeBlock() {
        energies[next] = blockSum / blockCount;
        next = (next + 1) % energies.length;
        filled = Math.min(filled + 1, energies.length);
        double sum = 0;
        for (int i = 0; i < filled; i++) {
            sum += energies[i];
        }
        series.add((float) lufs(sum / filled));
        blockSum = 0;
        blockCount = 0;
    }

    @Override
    public void finish(Duration end) {
        if (blockCount > blockSamples / 2) {
            closeBlock();
        }
    }

    /** Loudness of a K-weighted mean square, floored at the absolute gate. */
    static double lufs(double meanSquare) {
        return meanSquare <= 0 ? ABSOLUTE_GATE_LUFS
                : Math.max(ABSOLUTE_GATE_LUFS, OFFSET_DB + 10 * Math.log10(meanSquare));
    }

    /** Short-term loudness, one value per {@link #STEP}; value i covers the 3 s ending at (i + 1) × 100 ms. */
    public TimeSeries shortTerm() {
        return series.build();
    }
}
