package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysers on real decoded media: generated scenes with known cuts, and the shared speech sample. */
class SignalsIT {
    @TempDir
    Path dir;

    @Test
    void sceneCutsWithinOneFrameOfTheKnownTimes() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        String[] colours = {"red", "blue", "green", "white", "black"};
        double[] seconds = {2.0, 1.52, 3.0, 0.8, 1.0};
        Path video = TestMedia.colourScenes(ffmpeg, dir.resolve("scenes.mp4"), 25, colours, seconds);
        SceneCutAnalyser cuts = new SceneCutAnalyser();
        MotionAnalyser motion = new MotionAnalyser();
        new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(video), List.of(cuts, motion));
        double[] expected = {2.0, 3.52, 6.52, 7.32};
        assertEquals(expected.length, cuts.cuts().size(), cuts.cuts().toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], cuts.cuts().get(i).toNanos() / 1e9, 1.0 / 25 + 1e-6, "cut " + i);
        }
        assertTrue(motion.motion().max(Duration.ofMillis(2250), Duration.ofMillis(3250)) < 0.01,
                "a still colour has no motion");
    }

    @Test
    void loudnessOfADecodedToneIsTheBs1770Value() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        // lavfi sine has amplitude 1/8; volume 0.8 makes it 0.1 (-20 dBFS): one channel reads -23.01 LUFS after
        // resampling 48 kHz to the pass's 16 kHz
        Path video = TestMedia.make(ffmpeg, dir.resolve("tone.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=6:s=160x120:r=10", "-f", "lavfi", "-i", "sine=frequency=997:sample_rate=48000:d=6",
                "-filter_complex", "[1:a]volume=0.8,aformat=channel_layouts=mono[a]", "-map", "0:v", "-map", "[a]",
                "-c:v", "libx264", "-c:a", "pcm_s16le", "-f", "mov");
        LoudnessAnalyser loudness = new LoudnessAnalyser();
        new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(video), List.of(loudness));
        TimeSeries st = loudness.shortTerm();
        assertEquals(-23.01, st.mean(Duration.ofSeconds(3), Duration.ofSeconds(6)), 0.2);
    }

    @Test
    void pausesMatchSilencedetectOnRealSpeech() throws IOException {
        Path data = TestMedia.sharedData("speech/auto-editor");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        PauseAnalyser pauses = new PauseAnalyser();
        new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(data.resolve("example.mp4")),
                List.of(pauses));
        List<double[]> expected = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("example.DERIVED_speech_intervals.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[2].equals("silence")) {
                expected.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        int matched = 0;
        for (double[] e : expected) {
            boolean found = pauses.pauses().stream().anyMatch(p -> Math.abs(p.start().toMillis() / 1000.0 - e[0]) < 0.15
                    && Math.abs(p.end().toMillis() / 1000.0 - e[1]) < 0.15);
            matched += found ? 1 : 0;
        }
        assertTrue(matched >= expected.size() - 1, "matched " + matched + " of " + expected.size()
                + " silencedetect pauses; found " + pauses.pauses());
    }
}
