package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.progress.Progress;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.ScreenTextAnalyser.TextChange;
import dev.tagline.video.signal.ScreenTextReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SharpScreenText} with real FFmpeg: the frames it takes, what it keeps when one cannot be taken, a cancel. */
class SharpScreenTextIT {
    @TempDir
    Path dir;

    private static ScoredClip clip(int startS, int endS) {
        return new ScoredClip(new Candidate(0, 0, Duration.ofSeconds(startS), Duration.ofSeconds(endS), false), 50,
                new ClipCandidate.SubScores(0, 0, 0, 0, 0), "", "");
    }

    /** 10 s of 1280×720: red for 4 s, then blue. */
    private MediaInfo video(Ffmpeg ffmpeg) {
        return ffmpeg.probe(TestMedia.make(ffmpeg, dir.resolve("v.mp4"), "-f", "lavfi", "-i",
                "color=c=red:s=1280x720:r=25:d=4", "-f", "lavfi", "-i", "color=c=blue:s=1280x720:r=25:d=6",
                "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt",
                "yuv420p"));
    }

    private static ClipSignals signals(TextChange... timeline) {
        return new ClipSignals(Duration.ofSeconds(10), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(timeline), List.of(), false);
    }

    /** Names the colour of the frame it is given, and notes each frame's size; reads at the default width. */
    private static ScreenTextReader colours(List<String> sizes) {
        return colours(sizes, dev.tagline.video.signal.PaddleScreenText.READ_WIDTH);
    }

    /** {@link #colours(List)} reading at {@code width} (--sharp-text's reader reads at 1280). */
    private static ScreenTextReader colours(List<String> sizes, int width) {
        return new ScreenTextReader() {
            @Override
            public List<String> read(dev.tagline.video.signal.VideoFrame frame) {
                sizes.add(frame.width() + "x" + frame.height());
                byte[] rgb = frame.rgb();
                int centre = (frame.height() / 2 * frame.width() + frame.width() / 2) * 3;
                return List.of((rgb[centre] & 0xff) > 128 ? "Red slide" : "Blue slide");
            }

            @Override
            public int readWidth() {
                return width;
            }
        };
    }

    @Test
    void eachClipIsReadAtItsFirstFrameEachNewTextAndItsEndAt768PixelsWide() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        MediaInfo media = video(ffmpeg);
        List<String> sizes = new ArrayList<>();
        // the pass read "Red" at 0 s and "Blue" at 5 s (a reading every 5 s: the change at 4 s came in late)
        ClipSignals signals = signals(new TextChange(Duration.ZERO, List.of("Rcd"), 1),
                new TextChange(Duration.ofSeconds(5), List.of("Blve"), 1));
        List<String> notes = new ArrayList<>();
        List<ClipSignals> read = new SharpScreenText(ffmpeg, colours(sizes)).reread(media, signals,
                List.of(clip(1, 9), clip(4, 9)), Progress.Factory.NONE, notes);
        assertEquals(List.of("Red slide", "Blue slide"), read.get(0).screenTextWithin(Duration.ofSeconds(1),
                Duration.ofSeconds(9), 8), "at 1 s, then at the pass's new text");
        assertEquals(List.of("Blue slide"), read.get(1).screenTextWithin(Duration.ofSeconds(4), Duration.ofSeconds(9),
                8), "the clip opens on blue, which the pass saw only at 5 s");
        assertEquals(List.of("768x432", "768x432", "768x432", "768x432"), sizes,
                "1 s, 4 s and 5 s, then 8.5 s, just before the end both clips share, each once");
        assertEquals(List.of(), notes);
        sizes.clear();
        new SharpScreenText(ffmpeg, colours(sizes, 1280)).reread(media, signals, List.of(clip(1, 2)),
                Progress.Factory.NONE, notes);
        assertEquals(List.of("1280x720"), sizes, "frames at the reader's width (--sharp-text: 1280 px)");
    }

    @Test
    void aFrameThatCannotBeTakenKeepsThePassReadingAndSaysSo() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        MediaInfo media = video(ffmpeg);
        // an entry past the video's end (a stream shorter than the container says): no frame there; the clip's start,
        // that entry and the one at 1 s make three moments, so its end is not read
        ClipSignals signals = signals(new TextChange(Duration.ofSeconds(1), List.of("Red"), 1),
                new TextChange(Duration.ofSeconds(30), List.of("Late"), 1));
        List<String> notes = new ArrayList<>();
        List<ClipSignals> read = new SharpScreenText(ffmpeg, colours(new ArrayList<>())).reread(media, signals,
                List.of(clip(0, 40)), Progress.Factory.NONE, notes);
        assertEquals(List.of("Red slide", "Late"), read.get(0).screenTextWithin(Duration.ZERO, Duration.ofSeconds(40),
                8));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("On-screen text at 1 of 3 moments was kept as the analysis read it")
                && notes.get(0).contains("no frame at 0:30"), notes::toString);
    }

    /** The web app's find job cancels by interrupting its thread: the re-reading stops, it does not note failures. */
    @Test
    void aCancelStopsTheReading() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        MediaInfo media = video(ffmpeg);
        ClipSignals signals = signals(new TextChange(Duration.ofSeconds(1), List.of("Red"), 1));
        List<String> notes = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> new SharpScreenText(ffmpeg,
                    colours(new ArrayList<>())).reread(media, signals, List.of(clip(0, 9)), Progress.Factory.NONE,
                    notes));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), notes);
    }
}
