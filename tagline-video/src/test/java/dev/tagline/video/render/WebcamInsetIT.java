package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coding screencast with a webcam inset, as the dogfood's {@code code.mp4} (round 5): a 1280×720 editor, code typed
 * line by line, a terminal panel opening halfway, a 200×240 webcam inset (a real face photo) drifting a few pixels in
 * the top right corner; the real BlazeFace model.
 */
class WebcamInsetIT {
    static FaceFinder faces;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        faces = FaceFinder.of(TestModels.faces(FaceSettings.DEFAULTS));
    }

    static final String MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    static final String[] CODE = {"import json", "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer",
        "", "class Hello(BaseHTTPRequestHandler):", "    def do_GET(self):", "        self.send_response(200)"};
    /** Typed on line 8 (y 250) from 1 s to 3 s: x 220–916. */
    static final String TYPED = "    ThreadingHTTPServer(('', 8000), Hello).serve_forever()";
    /** The terminal panel (y 470–720) opens at 5 s; its lines are typed from these times, at y 490, 522, 554. */
    static final double TERMINAL_AT = 5;
    static final String[] TERMINAL = {"$ python3 server.py", "$ curl localhost:8000", "{\"hello\": \"world\"}"};
    static final double[] TERMINAL_TYPED = {5.5, 7.5, 9.5};
    /** The inset's left edge drifts over 1052–1068, its top over 11–21; it is 200×240. */
    static final String INSET_X = "1060+8*sin(t*1.3)";
    static final String INSET_Y = "16+5*cos(t*0.9)";

    /** A comment line under the inset, at y 310, reaching x 1240: the content's box then holds the inset's columns. */
    static final String UNDER_INSET = "# serve_forever() answers every request on its own thread until you stop it"
            + " with Ctrl+C";

    /** The screencast, with {@link #UNDER_INSET} when {@code under}. */
    Path screencast(Ffmpeg ffmpeg, boolean under) throws IOException {
        return screencast(ffmpeg, under ? "under.mp4" : "code.mp4", under, g -> {
            typed(g, TYPED, 250, "0xd4d4d4", 1.0, 2.0);
            g.append(",drawbox=x=200:y=470:w=1080:h=250:color=0x111111:t=fill:enable='gte(t,").append(TERMINAL_AT)
                    .append(")'");
            for (int i = 0; i < TERMINAL.length; i++) {
                typed(g, TERMINAL[i], 490 + 32 * i, "0x9cdc6e", TERMINAL_TYPED[i], 1.0);
            }
        });
    }

    /** What is typed on the editor, appended to its filter graph. */
    interface Typing {
        void append(StringBuilder g) throws IOException;
    }

    /** The editor, its code and the drifting inset, with {@code typing} drawn between them. */
    Path screencast(Ffmpeg ffmpeg, String name, boolean under, Typing typing) throws IOException {
        assumeTrue(Files.isRegularFile(Path.of(MONO)), "skipped: DejaVu Sans Mono (fonts-dejavu-core) is absent");
        Path photo = TestMedia.sharedData("photos").resolve("obama.jpg");
        StringBuilder g = new StringBuilder("[0:v]drawbox=x=0:y=0:w=200:h=720:color=0x252526:t=fill");
        String[] files = {"server.py", "README.md", "requirements.txt"};
        for (int i = 0; i < files.length; i++) {
            g.append(',').append(text(files[i], 16, 60 + 30 * i, 16, "0xcccccc", 0, -1));
        }
        for (int i = 0; i < CODE.length; i++) {
            g.append(CODE[i].isEmpty() ? "" : "," + text(CODE[i], 220, 40 + 30 * i, 20, "0xd4d4d4", 0, -1));
        }
        if (under) {
            g.append(',').append(text(UNDER_INSET, 220, 310, 20, "0x6a9955", 0, -1));
        }
        typing.append(g);
        g.append("[bg];[1:v]scale=200:240:force_original_aspect_ratio=increase,crop=200:240[face];")
                .append("[bg][face]overlay=x='").append(INSET_X).append("':y='").append(INSET_Y)
                .append("':shortest=1[v]");
        return TestMedia.make(ffmpeg, dir.resolve(name), "-f", "lavfi", "-i",
                "color=c=0x1e1e1e:s=1280x720:r=30:d=12", "-loop", "1", "-i", photo.toString(), "-f", "lavfi", "-i",
                "sine=d=12", "-filter_complex", g.toString(), "-map", "[v]", "-map", "2:a", "-t", "12", "-c:v",
                "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** {@code line} typed in steps of a few characters over {@code seconds} from {@code at}, then kept. */
    private void typed(StringBuilder g, String line, int y, String colour, double at, double seconds)
            throws IOException {
        int steps = Math.max(1, Math.min(8, line.length() / 6));
        for (int k = 1; k <= steps; k++) {
            String part = line.substring(0, Math.round((float) line.length() * k / steps));
            double from = at + seconds * (k - 1) / steps;
            double to = k < steps ? at + seconds * k / steps : -1;
            g.append(',').append(text(part, 220, y, 20, colour, from, to));
        }
    }

    private int texts;

    /** A drawtext of {@code s} (from a file: no escaping of quotes and colons), from {@code from} to {@code to}. */
    private String text(String s, int x, int y, int size, String colour, double from, double to) throws IOException {
        Path file = Files.writeString(dir.resolve("t" + texts++ + ".txt"), s);
        String on = to < 0 ? from > 0 ? String.format(Locale.ROOT, ":enable='gte(t,%.2f)'", from) : ""
                : String.format(Locale.ROOT, ":enable='between(t,%.2f,%.2f)'", from, to);
        return "drawtext=fontfile=" + MONO + ":textfile=" + file + ":x=" + x + ":y=" + y + ":fontsize=" + size
                + ":fontcolor=" + colour + on;
    }

    /** Where the inset's pixels lie at every moment: the box its drift covers. */
    static final Rect DRIFT = new Rect(1052, 11, 216, 250);
    /** The part of the inset on screen at every moment. */
    static final Rect ALWAYS = new Rect(1068, 21, 184, 230);

    /**
     * Dogfood round 5, G1: the screencast stack's panel held the content of the clip's middle sample, before the
     * terminal showed its output, so the command and its output never came on screen while the narration said "there it
     * is"; the panel reached into the webcam inset (its edge showed), and the speaker's crop, 2.5 face sizes round the
     * face, reached above the inset: a dark band of editor between the panel and the face. Now the panel holds all the
     * scene's content outside the inset, and the crop stays inside the inset.
     */
    @Test
    void theStackCutOffTheTerminalThatOpenedInTheClipAndShowedTheScreenRoundTheInset_nowAllTheContentAndOnlyTheInset()
            throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg, false);
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 11.5, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("stack.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        assertEquals(List.of(ReframeMode.SCREENCAST), scenes.stream().map(Scene::mode).toList(), scenes.toString());
        ScreenLayout layout = scenes.get(0).layout();
        Rect c = layout.content();
        assertTrue(c.x() <= 16 + 8 && c.y() <= 40 + 8 && c.y() + c.height() >= 554 + 12,
                "the panel holds the file tree, the code and the terminal's last line (y 554–570): " + c);
        assertTrue(c.x() + c.width() <= DRIFT.x(), "…and none of the inset: " + c);
        Rect s = layout.speaker();
        assertTrue(s.x() >= ALWAYS.x() - 4 && s.y() >= ALWAYS.y() - 4 && s.x() + s.width() <= ALWAYS.x()
                + ALWAYS.width() + 4 && s.y() + s.height() <= ALWAYS.y() + ALWAYS.height() + 4,
                "the speaker's box lies in the part of the inset always on screen " + ALWAYS + ": " + s);

        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 1280, 720, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        int top = Math.min(1440, (int) Math.round((double) c.height() * 1080 / c.width()) & ~1);
        int[] rgb = ReframeIT.pixels(ffmpeg, job.output(), 10.5, "rgb24");
        int[] green = box(rgb, top, p -> p[1] > 150 && p[0] > 100 && p[0] < 200 && p[2] < 150);
        assertTrue(green[3] >= 0 && green[3] - green[1] >= 50, "the three terminal lines are on screen in the panel"
                + " at 10.5 s: green rows " + green[1] + "–" + green[3] + " above " + top);
        int flat = 0;
        for (int y = top; y < 1920; y++) {
            flat += flatDark(rgb, y) ? 1 : 0;
        }
        assertTrue(flat <= 4, flat + " rows of flat editor background under the panel: a band above the face");
    }

    /**
     * Dogfood round 5, G2: {@code --mode screen-crop} on this screencast held the window on the webcam inset and the
     * line ends beside it for the whole clip: the inset drifts a few pixels every frame, and that change, inside the
     * content box, was taken for the work on the screen. Here a comment line runs on under the inset, so the content's
     * box holds the inset's columns whatever the inset's own box; changes on the inset (and on people) are now no
     * activity, and the window follows the typing.
     */
    @Test
    void aForcedScreenCropFramedTheDriftingInsetForTheWholeClip_nowTheWindowFollowsTheTyping() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg, true);
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 11.5, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("crop.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, ReframeMode.SCREEN_CROP);
        assertTrue(scenes.stream().allMatch(s -> s.mode() == ReframeMode.SCREEN_CROP), scenes.toString());
        for (double t = 1.6; t < 11.5; t += 0.2) {
            double clip = t - 0.5;
            Scene scene = scenes.stream().filter(s -> s.end().toMillis() > clip * 1000).findFirst().orElseThrow();
            double left = scene.cropPath().xAt(Duration.ofMillis(Math.round(clip * 1000)).minus(scene.start()));
            double right = left + scene.cropWidth();
            assertTrue(right <= DRIFT.x() + 8, String.format(Locale.ROOT, "at %.1f s the window %.0f–%.0f is on the"
                    + " code, not on the inset (from %d): %s", t, left, right, DRIFT.x(), scenes));
            int x1 = 220 + 12 * (t < TERMINAL_TYPED[0] ? TYPED.length() : TERMINAL[t < TERMINAL_TYPED[1] ? 0
                    : t < TERMINAL_TYPED[2] ? 1 : 2].length());
            int x0 = t < TERMINAL_TYPED[0] ? 220 + 12 * 4 : 220;
            if (t >= 3.2 && t < TERMINAL_TYPED[0] || t >= TERMINAL_TYPED[0] + 1.2) {
                // the activity boxes leave out the outer 5 % of the changed pixels: the window may miss half a letter
                assertTrue(left <= x0 + 6 && right >= x1 - 6, String.format(Locale.ROOT, "at %.1f s the line typed"
                        + " last (%d–%d) is in the window %.0f–%.0f: %s", t, x0, x1, left, right, scenes));
            }
        }
    }

    /** Typed lightly on line 8 (y 250) from 1 s: {@value #STEP} characters every {@value #EVERY} s, x from 220. */
    static final String LIGHT = "server = ThreadingHTTPServer(('', 8000), Hello)";
    static final int STEP = 4;
    static final double EVERY = 1.5;

    /** {@link #LIGHT} as far as it is typed at {@code t} seconds into the video. */
    static int lightChars(double t) {
        return t < 1 ? 0 : Math.min(LIGHT.length(), STEP * (1 + (int) Math.floor((t - 1) / EVERY)));
    }

    /**
     * Light typing in a big editor, the only change on the screen but the drifting inset: a few characters at a time,
     * {@value #STEP} every {@value #EVERY} s, so the screen changes on about one sample in eight, under the fifth that
     * made a screen "worked on". A forced {@code --mode screen-crop} then took the screen for a still one and showed
     * the whole editor (its content reaches under the inset), text too small to read on a phone and the inset with it.
     * Now the typing's place, where the screen changes again and again, is framed, and never the inset.
     */
    @Test
    void aForcedScreenCropShowedTheWholeEditorWhenLightTypingChangedUnderAFifthOfTheSamples_nowItFollowsTheTyping()
            throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg, "light.mp4", true, g -> {
            for (int k = 1; STEP * k <= LIGHT.length() && 1 + EVERY * (k - 1) < 12; k++) {
                double from = 1 + EVERY * (k - 1);
                g.append(',').append(text(LIGHT.substring(0, STEP * k), 220, 250, 20, "0xd4d4d4", from,
                        STEP * (k + 1) <= LIGHT.length() ? from + EVERY : -1));
            }
        });
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 11.5, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("light-crop.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, ReframeMode.SCREEN_CROP);
        System.err.println(scenes);
        for (double t = 0.6; t < 11.5; t += 0.2) {
            double clip = t - 0.5;
            Scene scene = scenes.stream().filter(s -> s.end().toMillis() > clip * 1000).findFirst().orElseThrow();
            double left = scene.cropPath().xAt(Duration.ofMillis(Math.round(clip * 1000)).minus(scene.start()));
            double right = left + scene.cropWidth();
            assertTrue(right <= DRIFT.x() + 8, String.format(Locale.ROOT, "at %.1f s the window %.0f–%.0f is on the"
                    + " typing, not on the inset (from %d) nor the whole editor: %s", t, left, right, DRIFT.x(),
                    scenes));
            int x1 = 220 + 12 * lightChars(t);
            assertTrue(left <= 220 + 6 && right >= x1 - 6, String.format(Locale.ROOT, "at %.1f s the typed line"
                    + " (220–%d) is in the window %.0f–%.0f: %s", t, x1, left, right, scenes));
        }
    }

    /** The sensible fallback stays: on the same editor with nothing typed, a still window holds all its content. */
    @Test
    void aForcedScreenCropOnTheStillEditorBesideTheDriftingInsetHoldsAllTheContent() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg, "still.mp4", true, g -> { });
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 11.5, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("still-crop.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, ReframeMode.SCREEN_CROP);
        assertEquals(1, scenes.size(), scenes.toString());
        Scene scene = scenes.get(0);
        assertEquals(1, scene.cropPath().keys().stream().mapToDouble(CropPath.Key::x).distinct().count(),
                "a still window: " + scene);
        double left = scene.cropPath().xAt(Duration.ofSeconds(5));
        assertTrue(left <= 16 && left + scene.cropWidth() >= 220 + 12 * UNDER_INSET.length() - 12,
                "the file tree and the comment under the inset are in the window: " + scene);
    }

    /** Whether row {@code y} of a 1080-wide frame is the editor's flat dark background. */
    private static boolean flatDark(int[] rgb, int y) {
        int min = 255;
        int max = 0;
        for (int x = 0; x < 1080; x++) {
            int l = luma(rgb, y * 1080 + x);
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        return max < 48 && max - min < 12;
    }

    private static int luma(int[] rgb, int i) {
        return (77 * rgb[3 * i] + 150 * rgb[3 * i + 1] + 29 * rgb[3 * i + 2]) >> 8;
    }

    /** The box {x0, y0, x1, y1} of the pixels above row {@code rows} that {@code match} (r, g, b); x1 −1 if none. */
    private static int[] box(int[] rgb, int rows, java.util.function.Predicate<int[]> match) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < 1080; x++) {
                int i = 3 * (y * 1080 + x);
                if (match.test(new int[] {rgb[i], rgb[i + 1], rgb[i + 2]})) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }
}
