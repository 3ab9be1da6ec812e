package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic speech (FFmpeg's built-in flite voice, no extra package) with silences of known place and length: the
 * pause analyser finds each inserted silence, widened at most by the voice's own short edges.
 */
class SpeechPausesIT {
    @TempDir
    Path dir;

    @Test
    void insertedSilencesAreFoundWhereTheyWere() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        String graph = "[0:a][1:a][2:a][3:a][4:a]concat=n=5:v=0:a=1[a]";
        Path video = TestMedia.make(ffmpeg, dir.resolve("speech.mkv"),
                "-f", "lavfi", "-i", "flite=text='Rebase rewrites history.':voice=slt",
                "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=1.5",
                "-f", "lavfi", "-i", "flite=text='Fetch before you push.':voice=slt",
                "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=2",
                "-f", "lavfi", "-i", "flite=text='That is the whole trick.':voice=slt",
                "-f", "lavfi", "-i", "testsrc=d=12:s=160x120:r=10",
                "-filter_complex", graph, "-map", "5:v", "-map", "[a]", "-c:v", "libx264", "-c:a", "pcm_s16le",
                "-shortest");
        double first = duration(ffmpeg, "flite=text='Rebase rewrites history.':voice=slt");
        double second = duration(ffmpeg, "flite=text='Fetch before you push.':voice=slt");
        PauseAnalyser pauses = new PauseAnalyser();
        new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(video), List.of(pauses));
        double[][] inserted = {{first, first + 1.5}, {first + 1.5 + second, first + 1.5 + second + 2}};
        List<Pause> found = pauses.pauses();
        for (double[] silence : inserted) {
            Pause p = found.stream().filter(x -> x.start().toMillis() / 1000.0 <= silence[0] + 0.05
                    && x.end().toMillis() / 1000.0 >= silence[1] - 0.05).findFirst()
                    .orElseThrow(() -> new AssertionError("no pause covers " + silence[0] + "-" + silence[1]
                            + ": " + found));
            assertTrue(silence[0] - p.start().toMillis() / 1000.0 < 0.5, p.toString());
            assertTrue(p.end().toMillis() / 1000.0 - silence[1] < 0.5, p.toString());
        }
        assertEquals(2, found.stream().filter(p -> p.length().toMillis() >= 1400).count(), found.toString());
    }

    private double duration(Ffmpeg ffmpeg, String source) {
        Path wav = TestMedia.make(ffmpeg, dir.resolve("part-" + Math.abs(source.hashCode()) + ".wav"), "-f", "lavfi",
                "-i", source);
        return ffmpeg.probe(wav).duration().toMillis() / 1000.0;
    }
}
