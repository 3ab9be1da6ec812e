package dev.tagline.video.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pauses from energy, the way FFmpeg's {@code silencedetect} finds them: audio is silent while every sample's
 * magnitude stays below the noise level, and a pause is silence lasting at least the minimum. Defaults
 * {@code n=-35dB:d=0.5} (video.md §10, clipbot {@code DetectionParams}: silenceNoiseDb -35.0, silenceMinDurSec 0.5).
 * Measured on 10 ms hops of the 16 kHz mono mix. Speech segments from Silero VAD come from
 * {@link SpeechActivityAnalyser}.
 */
public final class PauseAnalyser implements SignalAnalyser {
    public static final double DEFAULT_NOISE_DB = -35.0;
    public static final Duration DEFAULT_MIN_PAUSE = Duration.ofMillis(500);
    private static final Duration HOP = Duration.ofMillis(10);

    private final double noiseLevel;
    private final Duration minPause;
    private final List<Pause> pauses = new ArrayList<>();
    private int hopSamples;
    private long hop;
    private int inHop;
    private float hopPeak;
    private long silentSince = -1;

    public PauseAnalyser() {
        this(DEFAULT_NOISE_DB, DEFAULT_MIN_PAUSE);
    }

    public PauseAnalyser(double noiseDb, Duration minPause) {
        this.noiseLevel = Math.pow(10, noiseDb / 20);
        this.minPause = minPause;
    }

    @Override
    public void onAudio(AudioBlock block) {
        if (hopSamples == 0) {
            hopSamples = (int) (block.sampleRate() * HOP.toNanos() / 1_000_000_000L);
        }
        for (float s : block.samples()) {
            hopPeak = Math.max(hopPeak, Math.abs(s));
            if (++inHop == hopSamples) {
                closeHop();
            }
        }
    }

    private void closeHop() {
        boolean silent = hopPeak < noiseLevel;
        if (silent && silentSince < 0) {
            silentSince = hop;
        } else if (!silent && silentSince >= 0) {
            close(hop);
        }
        hop++;
        inHop = 0;
        hopPeak = 0;
    }

    private void close(long endHop) {
        Duration start = HOP.multipliedBy(silentSince);
        Duration end = HOP.multipliedBy(endHop);
        if (end.minus(start).compareTo(minPause) >= 0) {
            pauses.add(new Pause(start, end));
        }
        silentSince = -1;
    }

    @Override
    public void finish(Duration end) {
        if (inHop > 0) {
            closeHop();
        }
        if (silentSince >= 0) {
            close(hop);
        }
    }

    /** The pauses found, in time order. */
    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }
}
