package dev.tagline.inference.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.TestModels;
import dev.tagline.testkit.SpokenAudio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

class SpeechDetectorIT {
    static final int RATE = SpokenAudio.SAMPLE_RATE;
    private static SpeechDetector detector;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        detector = TestModels.speech(SpeechSettings.DEFAULTS);
    }

    /** espeak-ng utterances joined with known silences; truth = each utterance from its first to last loud sample. */
    record Programme(float[] pcm, boolean[] truth) {
    }

    Programme programme() {
        String[] sentences = {"Hello everyone, welcome back to the channel.",
            "Today we are testing speech detection on generated audio.",
            "The quick brown fox jumps over the lazy dog.",
            "Thank you for listening, see you next time."};
        double[] silences = {1.0, 1.5, 0.8, 2.0, 1.2};
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < silences.length; i++) {
            parts.add(new float[(int) (silences[i] * RATE)]);
            if (i < sentences.length) {
                parts.add(trim(SpokenAudio.speak(sentences[i], tmp)));
            }
        }
        for (float[] p : parts) {
            total += p.length;
        }
        float[] pcm = new float[total];
        boolean[] truth = new boolean[total];
        Random noise = new Random(7);
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            float[] p = parts.get(i);
            System.arraycopy(p, 0, pcm, at, p.length);
            if (i % 2 == 1) {
                java.util.Arrays.fill(truth, at, at + p.length, true);
            }
            at += p.length;
        }
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] += (float) (noise.nextGaussian() * 0.002); // a quiet room, not digital silence
        }
        return new Programme(pcm, truth);
    }

    @Test
    void frameLevelF1AtLeast90PercentOnEspeakSpeechWithKnownSilences(TestReporter reporter) {
        Programme p = programme();
        List<SpeechSegment> segments = detector.detect(p.pcm());
        boolean[] predicted = new boolean[p.pcm().length];
        for (SpeechSegment s : segments) {
            java.util.Arrays.fill(predicted, (int) s.startSample(), (int) s.endSample(), true);
        }
        int frame = RATE / 100; // 10 ms frames, labelled by their centre sample
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int c = frame / 2; c < predicted.length; c += frame) {
            boolean t = p.truth()[c];
            boolean y = predicted[c];
            tp += t && y ? 1 : 0;
            fp += !t && y ? 1 : 0;
            fn += t && !y ? 1 : 0;
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        reporter.publishEntry("frame F1", String.format(java.util.Locale.ROOT, "%.3f (%d segments)", f1,
                segments.size()));
        assertTrue(f1 >= 0.9, "frame F1 " + f1 + " (tp " + tp + ", fp " + fp + ", fn " + fn + "); " + segments);
        assertTrue(segments.size() >= 4 && segments.size() <= 8, segments::toString);
        assertTrue(segments.get(0).start().toMillis() > 800, "the first second is silent: " + segments);
    }

    @Test
    void streamingInOddPiecesGivesTheSameProbabilitiesAsOneCall() {
        float[] pcm = programme().pcm();
        SpeechStream whole = detector.newStream();
        whole.accept(pcm);
        SpeechStream pieces = detector.newStream();
        SpeechStream other = detector.newStream(); // fed in between: each stream has its own tensors and state
        float[] reversed = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            reversed[i] = pcm[pcm.length - 1 - i];
        }
        for (int i = 0; i < pcm.length; i += 777) {
            pieces.accept(pcm, i, Math.min(777, pcm.length - i));
            other.accept(reversed, i, Math.min(777, pcm.length - i));
        }
        assertArrayEquals(whole.probabilities(), pieces.probabilities());
        assertEquals(whole.finish(), pieces.finish());
        SpeechStream alone = detector.newStream();
        alone.accept(reversed);
        assertArrayEquals(alone.probabilities(), other.probabilities());
        assertEquals(alone.finish(), other.finish());
    }

    @Test
    void silenceAloneHasNoSpeech() {
        float[] quiet = new float[5 * RATE];
        Random noise = new Random(1);
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = (float) (noise.nextGaussian() * 0.002);
        }
        assertEquals(List.of(), detector.detect(quiet));
    }

    /** Drops espeak's own leading and trailing silence so the truth spans only the utterance. */
    static float[] trim(float[] pcm) {
        int first = 0;
        while (first < pcm.length && Math.abs(pcm[first]) < 0.01f) {
            first++;
        }
        int last = pcm.length - 1;
        while (last > first && Math.abs(pcm[last]) < 0.01f) {
            last--;
        }
        return java.util.Arrays.copyOfRange(pcm, first, last + 1);
    }
}
