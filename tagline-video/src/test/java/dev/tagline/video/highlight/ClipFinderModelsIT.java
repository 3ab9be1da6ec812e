package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.TranscriptionClient;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.signal.DecodingPass;
import dev.tagline.video.signal.PaddleScreenText;
import dev.tagline.video.signal.SceneCutAnalyser;
import dev.tagline.video.signal.ScreenTextAnalyser;
import dev.tagline.video.signal.SpeechActivityAnalyser;
import dev.tagline.video.signal.SpeechSegment;
import dev.tagline.video.transcript.OpenAiSpeechToText;
import dev.tagline.video.transcript.SidecarTranscripts;
import dev.tagline.video.transcript.SpeechToText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finder with the real built-in models (Silero VAD, PaddleOCR, OpenNLP, MiniLM, pulled through the model store)
 * on a generated video: FFmpeg's flite voice says three sentences at known times with 3 s silences between them, and
 * drawtext shows one title, then another from {@value #SECOND_TITLE_AT} s.
 */
class ClipFinderModelsIT {
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    static final double LEAD = 1.0;
    static final double SILENCE = 3.0;
    static final double SECOND_TITLE_AT = 6.0;
    static final double LENGTH = 40.0;
    static final String[] SAID = {"Rebase rewrites history.", "Fetch before you push.", "That is the whole trick."};

    @TempDir
    Path dir;

    /** The video, and where each utterance starts and ends in it (seconds). */
    record Talk(Path video, double[][] speech) {
    }

    private Talk talk(Ffmpeg ffmpeg) {
        assumeTrue(Files.isRegularFile(Path.of(FONT)),
                "skipped: " + FONT + " is missing (apt-get install fonts-dejavu-core)");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "color=c=navy:s=640x360:r=25:d=" + LENGTH));
        StringBuilder graph = new StringBuilder();
        double[][] speech = new double[SAID.length][];
        double at = LEAD;
        args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=" + LEAD));
        graph.append("[1:a]");
        for (int i = 0; i < SAID.length; i++) {
            String voice = "flite=text='" + SAID[i] + "':voice=slt";
            double length = ffmpeg.probe(TestMedia.make(ffmpeg, dir.resolve("said" + i + ".wav"), "-f", "lavfi", "-i",
                    voice)).duration().toMillis() / 1000.0;
            speech[i] = new double[] {at, at + length};
            at += length + SILENCE;
            args.addAll(List.of("-f", "lavfi", "-i", voice,
                    "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=" + SILENCE));
            graph.append("[").append(2 + 2 * i).append(":a][").append(3 + 2 * i).append(":a]");
        }
        graph.append("concat=n=").append(1 + 2 * SAID.length).append(":v=0:a=1[a];[0:v]")
                .append(title("Install the tools", "lt(t," + SECOND_TITLE_AT + ")")).append(',')
                .append(title("Write the first test", "gte(t," + SECOND_TITLE_AT + ")")).append("[v]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-map", "[a]", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-c:a", "aac"));
        return new Talk(TestMedia.make(ffmpeg, dir.resolve("talk.mp4"), args.toArray(String[]::new)), speech);
    }

    private static String title(String text, String when) {
        return "drawtext=fontfile=" + FONT + ":text='" + text + "':fontsize=40:fontcolor=white:x=(w-tw)/2:y=h/3"
                + ":enable='" + when + "'";
    }

    @Test
    void sileroFindsTheUtterancesAndPaddleOcrTheTitleChange() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Talk talk = talk(ffmpeg);
        BuiltinModels models = TestModels.builtins(BuiltinModels.SPEECH, BuiltinModels.OCR);
        SpeechActivityAnalyser speech = new SpeechActivityAnalyser(models.speech(SpeechActivityAnalyser.RULES));
        SceneCutAnalyser cuts = new SceneCutAnalyser();
        ScreenTextAnalyser text = new ScreenTextAnalyser(new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS)),
                cuts, Duration.ofSeconds(1));
        new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(talk.video()), List.of(speech, cuts, text));

        List<SpeechSegment> found = speech.segments();
        assertEquals(SAID.length, found.size(), found::toString);
        for (int i = 0; i < SAID.length; i++) {
            double start = found.get(i).start().toMillis() / 1000.0;
            double end = found.get(i).end().toMillis() / 1000.0;
            // Silero pads 400 ms each side; flite's first and last 100-200 ms are near silent
            assertEquals(talk.speech()[i][0] - 0.4, start, 0.35, "start of '" + SAID[i] + "': " + found);
            assertEquals(talk.speech()[i][1] + 0.4, end, 0.45, "end of '" + SAID[i] + "': " + found);
        }
        List<ScreenTextAnalyser.TextChange> changes = text.changes();
        assertEquals(2, changes.size(), changes::toString);
        assertEquals(0, changes.get(0).time().toMillis() / 1000.0, 0.1, changes::toString);
        assertEquals(Set.of("install", "the", "tools"), words(changes.get(0).lines()), changes::toString);
        assertEquals(SECOND_TITLE_AT, changes.get(1).time().toMillis() / 1000.0, 1.05, changes::toString);
        assertEquals(Set.of("write", "the", "first", "test"), words(changes.get(1).lines()), changes::toString);
    }

    @Test
    void speechToTextIsSentTheStretchSileroFound() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Talk talk = talk(ffmpeg);
        try (FakeOpenAiServer server = FakeOpenAiServer.start();
                FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.SPEECH,
                        BuiltinModels.OCR))) {
            server.hears(upload -> List.of(new FakeOpenAiServer.HeardWord("Rebase.", 0.5, 1.0)));
            SpeechToText stt = new OpenAiSpeechToText(new TranscriptionClient(OpenAiEndpoint.of(server.baseUrl(),
                    null), Duration.ofSeconds(30)), "whisper-1", Optional.empty());
            ClipsFile clips = new ClipFinder(ffmpeg, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                    Progress.Factory.NONE).find(talk.video(), new ClipFinder.Options(DurationBand.of(
                            Duration.ofSeconds(5), Duration.ofSeconds(12)), OptionalInt.empty(), Optional.of(stt),
                            Optional.empty(), DecodeOptions.DEFAULT, Optional.empty(), models));
            assertEquals("speech-to-text (whisper-1)", clips.transcript());
            assertEquals(1, server.uploads().size(), "three sentences 3 s apart are one chunk");
            // one chunk from the first utterance to the last with Silero's 400 ms pads (measured 11.33 of 11.63 s),
            // not the 26 s of silence after them, and longer than the bare utterances that pauses would give
            double spoken = talk.speech()[SAID.length - 1][1] - talk.speech()[0][0];
            double wav = server.uploads().get(0).wavSeconds();
            assertTrue(wav >= spoken + 0.2 && wav <= spoken + 0.8 + 0.3, "chunk of " + wav + " s for " + spoken
                    + " s of speech");
        }
    }

    /**
     * Three slides of a 72 px title over a 34 px line, 1280×720, each from {@code SLIDE_TIMES[i][0]} to
     * {@code SLIDE_TIMES[i][1]} s, with a blank screen between the first two; they change between the pass's readings
     * every 10 s. A tone on for 7 s and off for 3 s, so that clips start at its pauses, 0.3 s before each tenth second.
     */
    static final String[][] SLIDES = {{"Git branching", "Create, switch and merge branches in five minutes"},
        {"Rebasing", "Replay your commits on top of the main branch"},
        {"Stashing", "Put work aside without committing it"}};
    static final int[][] SLIDE_TIMES = {{0, 15}, {22, 33}, {33, 50}};

    private Path slides(Ffmpeg ffmpeg) {
        assumeTrue(Files.isRegularFile(Path.of(FONT)),
                "skipped: " + FONT + " is missing (apt-get install fonts-dejavu-core)");
        StringBuilder graph = new StringBuilder("[0:v]");
        for (int i = 0; i < SLIDES.length; i++) {
            String when = "between(t," + SLIDE_TIMES[i][0] + "," + (SLIDE_TIMES[i][1] - 0.01) + ")";
            graph.append(i == 0 ? "" : ",").append(slideText(SLIDES[i][0], 72, 200, when)).append(',')
                    .append(slideText(SLIDES[i][1], 34, 360, when));
        }
        int length = SLIDE_TIMES[SLIDES.length - 1][1];
        return TestMedia.make(ffmpeg, dir.resolve("slides.mp4"), "-f", "lavfi", "-i",
                "color=c=white:s=1280x720:r=25:d=" + length, "-f", "lavfi", "-i", "sine=f=300:d=" + length
                        + ",volume='if(lt(mod(t\\,10)\\,7)\\,0.3\\,0)':eval=frame", "-filter_complex",
                graph.append("[v]").toString(), "-map", "[v]", "-map", "1:a", "-c:v", "libx264", "-pix_fmt",
                "yuv420p", "-c:a", "aac");
    }

    private static String slideText(String text, int size, int y, String when) {
        return "drawtext=fontfile=" + FONT + ":text='" + text + "':fontsize=" + size + ":fontcolor=black:x=80:y=" + y
                + ":enable='" + when + "'";
    }

    /**
     * The pass's 256 px frames garble the 34 px lines (PaddleOCR read "Crrata, swtch cnd merge aranches" there, below
     * the legible confidence, and "Replay your cornrnlts on top of the maln branch" above it). The kept clips' text is
     * read again from the source, from each clip's first frame on: each clip quotes the slide it opens on whole, with
     * its title, even when the pass last read the screen before that slide came up, and a clip that opens on the blank
     * screen does not quote the slide before it.
     */
    @Test
    void theClipsSmallSlideTextIsReadFromTheSource() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = slides(ffmpeg);
        ClipsFile clips;
        try (FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.SPEECH,
                BuiltinModels.OCR))) {
            clips = new ClipFinder(ffmpeg, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Progress.Factory.NONE)
                    .find(video, new ClipFinder.Options(DurationBand.of(Duration.ofSeconds(5), Duration.ofSeconds(12)),
                            OptionalInt.of(5), Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT,
                            Optional.empty(), models));
        }
        assertTrue(clips.notes().stream().noneMatch(n -> n.contains("On-screen text")), clips.notes()::toString);
        assertTrue(clips.clips().size() >= 3, clips::toString);
        int blank = 0;
        for (ClipCandidate c : clips.clips()) {
            int shown = -1;
            for (int i = 0; i < SLIDES.length; i++) {
                shown = c.startSeconds() >= SLIDE_TIMES[i][0] && c.startSeconds() < SLIDE_TIMES[i][1] ? i : shown;
            }
            if (shown < 0) {
                blank++;
                assertFalse(c.screenText().contains(SLIDES[0][0]), "opens on the blank screen: " + c);
                continue;
            }
            String[] slide = SLIDES[shown];
            assertEquals(slide[0], c.screenTitle(), "the slide the clip opens on: " + c);
            assertEquals(slide[0], c.screenText().get(0), c::toString);
            assertTrue(c.screenText().get(1).equalsIgnoreCase(slide[1]), "the small line read whole: " + c);
        }
        assertTrue(blank > 0, "a clip opens on the blank screen: " + clips.clips());
    }

    private static Set<String> words(List<String> lines) {
        Set<String> words = new TreeSet<>();
        lines.forEach(l -> words.addAll(List.of(l.toLowerCase(Locale.ROOT).split("\\W+"))));
        words.remove("");
        return words;
    }

    /** Two sentences a cue; a cooking half and a git half, so TextTiling over MiniLM has one topic change. */
    private static String srt() {
        String[] cooking = {"Bring a large pot of water to the boil.", "Salt the water generously.",
            "Add the spaghetti and stir.", "Cook the pasta for nine minutes.", "Taste a strand to check it.",
            "Drain the pasta in a colander.", "Toss it with the tomato sauce.", "Grate parmesan over the plate."};
        String[] git = {"Create a new branch for the feature.", "Commit your changes with a message.",
            "Fetch the latest commits from origin.", "Rebase your branch onto main.", "Resolve any merge conflicts.",
            "Run the test suite again.", "Push the branch to the remote.", "Open a pull request for review."};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String[] topic = i < 8 ? cooking : git;
            sb.append(i + 1).append('\n').append(time(i * 2.4)).append(" --> ").append(time(i * 2.4 + 2.2))
                    .append('\n').append(topic[i % 8]).append(' ').append(topic[(i + 3) % 8]).append("\n\n");
        }
        return sb.toString();
    }

    private static String time(double s) {
        long ms = Math.round(s * 1000);
        return String.format(Locale.ROOT, "00:00:%02d,%03d", ms / 1000, ms % 1000);
    }

    @Test
    void clipsFindSplitsSentencesAndComputesTopicsWithTheBuiltInModels() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Talk talk = talk(ffmpeg);
        Files.writeString(dir.resolve("talk.srt"), srt());
        BuiltinModels builtins = TestModels.builtins(BuiltinModels.SPEECH, BuiltinModels.OCR, BuiltinModels.EMBEDDINGS);
        ClipsFile clips;
        try (FinderModels models = FinderModels.builtin(builtins)) {
            assertEquals(32, models.sentences().split(SidecarTranscripts.find(talk.video()).orElseThrow().words())
                    .size(), "OpenNLP splits each cue's two sentences");
            clips = new ClipFinder(ffmpeg, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Progress.Factory.NONE)
                    .find(talk.video(), new ClipFinder.Options(DurationBand.of(Duration.ofSeconds(5),
                            Duration.ofSeconds(12)), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                            DecodeOptions.DEFAULT, Optional.empty(), models));
        }
        assertTrue(clips.notes().stream().noneMatch(n -> n.contains("not available")), clips.notes()::toString);
        assertEquals("talk.srt", clips.transcript());
        assertTrue(clips.clips().size() >= 2, clips.clips()::toString);
        Set<Integer> topics = new TreeSet<>();
        for (ClipCandidate c : clips.clips()) {
            assertNotNull(c.topic(), c::toString);
            topics.add(c.topic());
            // TextTiling puts the change at the cooking/git switch, 8 cues of 2.4 s in
            assertEquals(c.startSeconds() < 8 * 2.4 - 0.5 ? 0 : 1, c.topic(), c::toString);
        }
        assertEquals(Set.of(0, 1), topics, clips.clips()::toString);
    }
}
