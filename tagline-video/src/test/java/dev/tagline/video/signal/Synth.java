package dev.tagline.video.signal;

import java.time.Duration;
import java.util.Arrays;

/** Synthetic audio and frames for analyser tests. */
final class Synth {
    static final int RATE = 16_000;

    private Synth() {
    }

    static float[] sine(double hz, double amplitude, double seconds) {
        float[] out = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return out;
    }

    static float[] silence(double seconds) {
        return new float[(int) Math.round(seconds * RATE)];
    }

    static float[] concat(float[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Feeds {@code samples} in 1600-sample blocks like the decoding pass, then finishes. */
    static void feed(SignalAnalyser analyser, float[] samples) {
        for (int at = 0; at < samples.length; at += 1600) {
            float[] block = Arrays.copyOfRange(samples, at, Math.min(samples.length, at + 1600));
            analyser.onAudio(new AudioBlock(Duration.ofNanos(Math.round(at * 1e9 / RATE)), block, RATE));
        }
        analyser.finish(Duration.ofNanos(Math.round(samples.length * 1e9 / RATE)));
    }

    static VideoFrame solid(long index, double fps, int r, int g, int b) {
        byte[] rgb = new byte[32 * 18 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return new VideoFrame(index, Duration.ofNanos(Math.round(index * 1e9 / fps)), 32, 18, rgb);
    }
}
