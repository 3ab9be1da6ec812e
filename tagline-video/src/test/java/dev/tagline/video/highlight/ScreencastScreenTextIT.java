package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.core.text.EditDistance;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.signal.DecodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finder with real FFmpeg and the real PaddleOCR on a generated screencast: 20 px monospace lines on a dark
 * 1280×720 editor, typed one every {@value #EVERY} s, too small for the pass's 256 px frames to read (dogfood G3).
 */
class ScreencastScreenTextIT {
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    static final double FIRST = 1.5;
    static final double EVERY = 2.5;
    static final int LENGTH = 40;
    static final String[] TYPED = {"$ mkdir hello-server", "$ cd hello-server", "$ python3 -m venv venv",
        "$ source venv/bin/activate", "$ pip install flask", "$ touch app.py", "from flask import Flask",
        "app = Flask(__name__)", "def hello():", "    return 'Hello, world'", "$ flask run",
        "Running on port five thousand", "$ curl localhost:5000", "Hello, world"};

    @TempDir
    Path dir;

    private Path screencast(Ffmpeg ffmpeg) throws IOException {
        assumeTrue(Files.isRegularFile(Path.of(FONT)),
                "skipped: " + FONT + " is missing (apt-get install fonts-dejavu-core)");
        StringBuilder graph = new StringBuilder("[0:v]");
        for (int i = 0; i < TYPED.length; i++) {
            Path text = Files.writeString(dir.resolve("line" + i + ".txt"), TYPED[i]);
            graph.append(i == 0 ? "" : ",").append("drawtext=fontfile=").append(FONT).append(":textfile=")
                    .append(text).append(":fontsize=20:fontcolor=0xd4d4d4:x=220:y=").append(40 + 32 * i)
                    .append(":enable='gte(t,").append(typedAt(i)).append(")'");
        }
        return TestMedia.make(ffmpeg, dir.resolve("code.mp4"), "-f", "lavfi", "-i",
                "color=c=0x1e1e1e:s=1280x720:r=25:d=" + LENGTH, "-f", "lavfi", "-i", "sine=f=300:d=" + LENGTH
                        + ",volume='if(lt(mod(t\\,10)\\,7)\\,0.3\\,0)':eval=frame", "-filter_complex",
                graph.append("[v]").toString(), "-map", "[v]", "-map", "1:a", "-c:v", "libx264", "-pix_fmt",
                "yuv420p", "-c:a", "aac");
    }

    private static double typedAt(int line) {
        return FIRST + EVERY * line;
    }

    /**
     * Dogfood G3: the pass read no text in such an editor, so the clips were not read again and had no on-screen
     * text at all (or, where it misread the picture once, the text of that moment only). Every clip now quotes a line
     * typed during it, read from its last frame.
     */
    @Test
    void codeTypedLineByLineGaveClipsNoScreenText_nowEachClipQuotesALineTypedInIt() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg);
        ClipsFile clips;
        try (FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.SPEECH,
                BuiltinModels.OCR))) {
            clips = new ClipFinder(ffmpeg, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Progress.Factory.NONE)
                    .find(video, new ClipFinder.Options(DurationBand.of(Duration.ofSeconds(5), Duration.ofSeconds(12)),
                            OptionalInt.empty(), Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT,
                            Optional.empty(), models));
        }
        assertTrue(clips.notes().stream().noneMatch(n -> n.contains("On-screen text")), clips.notes()::toString);
        assertTrue(clips.clips().size() >= 2, clips::toString);
        for (ClipCandidate c : clips.clips()) {
            List<String> typedIn = new ArrayList<>();
            for (int i = 0; i < TYPED.length; i++) {
                if (typedAt(i) > c.startSeconds() && typedAt(i) < c.endSeconds() - 1) {
                    typedIn.add(TYPED[i]);
                }
            }
            assertFalse(typedIn.isEmpty(), "every clip of 5 s or more sees a line typed: " + c);
            assertTrue(typedIn.stream().anyMatch(t -> c.screenText().stream().anyMatch(l -> same(t, l))),
                    "a line typed during the clip, of " + typedIn + ": " + c);
        }
    }

    /** The same line as OCR reads it: the same letters and digits, give or take one for every 12. */
    private static boolean same(String typed, String read) {
        String a = typed.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        String b = read.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        return EditDistance.between(a, b) <= a.length() / 12;
    }
}
