package dev.tagline.testkit;

import dev.tagline.core.TaglineException;
import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Speech synthesised with {@code espeak-ng}, as 16 kHz mono float PCM; skips the test when espeak-ng is missing. */
public final class SpokenAudio {
    public static final int SAMPLE_RATE = 16_000;

    private SpokenAudio() {
    }

    /** {@code text} spoken by espeak-ng, resampled linearly to 16 kHz, in [−1, 1]. */
    public static float[] speak(String text, Path workDir) {
        Path wav = workDir.resolve("espeak-" + Integer.toHexString(text.hashCode()) + ".wav");
        ProcessResult result;
        try {
            result = new ProcessRunner().run(ProcessSpec.of(List.of("espeak-ng", "-v", "en-us", "-s", "160", "-w",
                    wav.toString(), text), Duration.ofMinutes(1)));
        } catch (TaglineException e) {
            Assumptions.abort("Skipped: espeak-ng is not installed. Install it: apt-get install -y espeak-ng");
            throw e;
        }
        Assumptions.assumeTrue(result.succeeded(), () -> "Skipped: espeak-ng failed: " + result.stderrTail());
        try {
            return readWav(Files.readAllBytes(wav));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mono 16-bit PCM WAV → float samples at 16 kHz. */
    static float[] readWav(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int rate = b.getInt(24);
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x61746164) { // "data"
                int n = Math.min(size, bytes.length - pos - 8) / 2;
                float[] pcm = new float[n];
                for (int i = 0; i < n; i++) {
                    pcm[i] = b.getShort(pos + 8 + 2 * i) / 32768f;
                }
                return resample(pcm, rate, SAMPLE_RATE);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no data chunk in WAV");
    }

    static float[] resample(float[] pcm, int from, int to) {
        if (from == to) {
            return pcm;
        }
        int n = (int) ((long) pcm.length * to / from);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i * from / to;
            int i0 = (int) x;
            int i1 = Math.min(pcm.length - 1, i0 + 1);
            double f = x - i0;
            out[i] = (float) (pcm[i0] * (1 - f) + pcm[i1] * f);
        }
        return out;
    }
}
