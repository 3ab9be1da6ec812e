package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.TranscriptionClient;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegException;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.transcript.OpenAiSpeechToText;
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
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole finder on generated videos: scenes with known cuts, a tone, and a subtitle file with known times. */
class ClipFinderIT {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    private static ClipFinder.Options options(Optional<SpeechToText> stt) {
        return new ClipFinder.Options(DurationBand.MEDIUM, OptionalInt.empty(), stt, Optional.empty(),
                DecodeOptions.DEFAULT, Optional.empty(), FinderModels.none());
    }

    /** No models but {@code embedder} for topics. */
    private static FinderModels embeddingOnly(SentenceEmbedder embedder) {
        return models(Optional.empty(), Optional.of(embedder));
    }

    /** No speech detector, the built-in sentence splitter, and the OCR and embedder given. */
    private static FinderModels models(Optional<dev.tagline.video.signal.ScreenTextReader> reader,
                                       Optional<SentenceEmbedder> embedder) {
        FinderModels none = FinderModels.none();
        return new FinderModels() {
            @Override
            public Optional<dev.tagline.inference.speech.SpeechDetector> speech() {
                return Optional.empty();
            }

            @Override
            public Optional<dev.tagline.video.signal.ScreenTextReader> screenText() {
                return reader;
            }

            @Override
            public SentenceSplitter sentences() {
                return none.sentences();
            }

            @Override
            public Optional<SentenceEmbedder> embedder() {
                return embedder;
            }
        };
    }

    private Path scenes(Ffmpeg ffmpeg) {
        String[] colours = {"red", "blue", "green", "yellow", "purple", "orange"};
        double[] seconds = {20, 20, 20, 20, 20, 20};
        return TestMedia.colourScenes(ffmpeg, dir.resolve("talk.mp4"), 25, colours, seconds);
    }

    /** 24 sentences of 4 s, one every 5 s; the one at 60 s is the hook. */
    private static String srt() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String text = i == 12 ? "Why do 90% of git rebases fail?" : i == 19 ? "That's why you fetch first."
                    : "We look at step " + i + " of the setup.";
            sb.append(i + 1).append('\n').append(time(i * 5.0)).append(" --> ").append(time(i * 5.0 + 4))
                    .append('\n').append(text).append("\n\n");
        }
        return sb.toString();
    }

    private static String time(double s) {
        long ms = Math.round(s * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    @Test
    void findsRankedClipsFromSubtitlesAndSignals() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        Files.writeString(dir.resolve("talk.srt"), srt());
        ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video, options(Optional.empty()));
        assertEquals("talk.srt", clips.transcript());
        assertEquals("talk.mp4", clips.source().path());
        assertEquals(120.0, clips.source().durationSeconds(), 0.1);
        // 120 s: shortlist 3, floor 3, ceiling 6
        assertTrue(clips.clips().size() >= 3 && clips.clips().size() <= 6, clips.clips().toString());
        ClipCandidate best = clips.clips().get(0);
        assertTrue(best.hookText().startsWith("Why do 90%"), best.toString());
        assertEquals(60.0 - BoundarySnapper.MAX_LEAD.toMillis() / 1000.0, best.startSeconds(), 0.01);
        for (ClipCandidate c : clips.clips()) {
            assertTrue(c.length().compareTo(Duration.ofSeconds(30)) >= 0
                    && c.length().compareTo(Duration.ofSeconds(60)) <= 0, c.toString());
            assertFalse(c.reason().isBlank());
        }
        for (int i = 0; i < clips.clips().size(); i++) {
            for (int j = i + 1; j < clips.clips().size(); j++) {
                ClipCandidate a = clips.clips().get(i);
                ClipCandidate b = clips.clips().get(j);
                double shared = Math.min(a.endSeconds(), b.endSeconds()) - Math.max(a.startSeconds(), b.startSeconds());
                double shorter = Math.min(a.endSeconds() - a.startSeconds(), b.endSeconds() - b.startSeconds());
                assertTrue(shared / shorter <= ClipSelector.MAX_OVERLAP, "NMS: " + a + " / " + b);
            }
        }
        Path file = ClipsFile.pathFor(video);
        clips.write(file);
        assertEquals(clips, ClipsFile.read(file));
    }

    /** Slide titles per scene colour, read by a scripted OCR beside a taskbar clock. */
    private static final Map<String, int[]> SLIDES = Map.of("Installing Python", new int[] {255, 0, 0},
            "Creating a virtual environment", new int[] {0, 0, 255}, "Pip install requests", new int[] {0, 128, 0},
            "Reading a JSON file", new int[] {255, 255, 0}, "Writing the tests", new int[] {128, 0, 128},
            "Packaging the app", new int[] {255, 165, 0});

    /** An OCR that reads the title of the scene's colour ({@link #SLIDES}), set big, and a clock. */
    private static FinderModels slideReader() {
        return models(Optional.of(new dev.tagline.video.signal.ScreenTextReader() {
            @Override
            public List<String> read(dev.tagline.video.signal.VideoFrame frame) {
                return slideLines(frame);
            }

            @Override
            public Reading readWithTitle(dev.tagline.video.signal.VideoFrame frame) {
                return new Reading(slideLines(frame), 0);
            }
        }), Optional.empty());
    }

    private static List<String> slideLines(dev.tagline.video.signal.VideoFrame frame) {
        long[] sum = new long[3];
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i++) {
            sum[i % 3] += rgb[i] & 0xff;
        }
        long pixels = rgb.length / 3;
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<String, int[]> slide : SLIDES.entrySet()) {
            long d = 0;
            for (int c = 0; c < 3; c++) {
                long diff = sum[c] / pixels - slide.getValue()[c];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = slide.getKey();
            }
        }
        return List.of(best, "10:4" + frame.index() % 10);
    }

    @Test
    void eachClipKeepsTheOnScreenTextOfItsScenesWithoutTheClock() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video, new ClipFinder.Options(
                DurationBand.MEDIUM, OptionalInt.empty(), Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT,
                Optional.empty(), slideReader()));
        assertFalse(clips.clips().isEmpty());
        String[] order = {"Installing Python", "Creating a virtual environment", "Pip install requests",
            "Reading a JSON file", "Writing the tests", "Packaging the app"};
        for (ClipCandidate c : clips.clips()) {
            // slide i shows from 20 i to 20 i + 20 s: the title is the one on screen longest in the clip
            String longest = "";
            double most = 0;
            for (int i = 0; i < order.length; i++) {
                double shown = Math.min(c.endSeconds(), 20.0 * i + 20) - Math.max(c.startSeconds(), 20.0 * i);
                if (shown > most + 0.5) {
                    most = shown;
                    longest = order[i];
                }
            }
            assertEquals(longest, c.screenTitle(), "the title of the slide on screen longest: " + c);
            int last = -1;
            for (String line : c.screenText()) {
                int scene = List.of(order).indexOf(line);
                assertTrue(scene > last, "only slide titles, in order, each once, no clock: " + c);
                last = scene;
            }
            for (int scene = 0; scene < order.length; scene++) {
                // a scene's title is on screen from its cut for 20 s; a second of margin for where the cut is seen
                double cut = scene * 20.0;
                if (cut + 20 > c.startSeconds() + 1 && cut < c.endSeconds() - 1) {
                    assertTrue(c.screenText().contains(order[scene]), order[scene] + " shows during " + c);
                } else if (cut + 20 < c.startSeconds() - 1 || cut > c.endSeconds() + 1) {
                    assertFalse(c.screenText().contains(order[scene]), order[scene] + " is outside " + c);
                }
            }
        }
        assertTrue(clips.clips().stream().anyMatch(c -> !c.screenText().isEmpty()), clips.clips().toString());
    }

    @Test
    void withoutAnyTranscriptItStillFindsClipsAndSaysWhy() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video, options(Optional.empty()));
        assertNull(clips.transcript());
        assertTrue(clips.notes().stream().anyMatch(n -> n.startsWith("No transcript")), clips.notes().toString());
        assertFalse(clips.clips().isEmpty());
        assertTrue(clips.clips().get(0).reason().contains("no transcript"));
    }

    @Test
    void aVideoWithoutSoundWorksOnThePictureAlone() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("mute.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=70:s=160x120:r=10", "-c:v", "libx264");
        LastPosition progress = new LastPosition();
        ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, progress).find(video, options(Optional.empty()));
        assertTrue(clips.notes().contains("No audio stream: clips are chosen from the picture only."));
        assertFalse(clips.clips().isEmpty());
        for (ClipCandidate c : clips.clips()) {
            assertTrue(c.reason().endsWith("(no sound: picture only)."), c.reason());
            assertFalse(c.reason().contains("speech"), "no speech to speak of: " + c.reason());
        }
        assertEquals(69L, progress.get());
    }

    @Test
    void speechToTextThatHearsNothingSaysSo() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("quiet.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=70:s=160x120:r=10", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "70",
                "-c:v", "libx264", "-c:a", "aac");
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.hears(upload -> List.of());
            SpeechToText stt = new OpenAiSpeechToText(new TranscriptionClient(OpenAiEndpoint.of(server.baseUrl(),
                    null), Duration.ofSeconds(30)), "whisper-1", Optional.of("en"));
            ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video,
                    options(Optional.of(stt)));
            assertTrue(clips.notes().stream().anyMatch(n -> n.startsWith("No words were transcribed")),
                    clips.notes().toString());
            assertFalse(clips.notes().stream().anyMatch(n -> n.contains("no speech-to-text --endpoint")),
                    "an endpoint was given: " + clips.notes());
            for (ClipCandidate c : clips.clips()) {
                assertFalse(c.reason().contains("speech"), "a silent track: " + c.reason());
            }
        }
    }

    @Test
    void speechToTextWhenThereAreNoSubtitles() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.hears(upload -> {
                List<FakeOpenAiServer.HeardWord> words = new ArrayList<>();
                for (double t = 0; t + 1 < upload.wavSeconds(); t += 4) {
                    words.add(new FakeOpenAiServer.HeardWord("Here's", t, t + 0.4));
                    words.add(new FakeOpenAiServer.HeardWord("the", t + 0.5, t + 0.7));
                    words.add(new FakeOpenAiServer.HeardWord("trick.", t + 0.8, t + 1.2));
                }
                return words;
            });
            SpeechToText stt = new OpenAiSpeechToText(new TranscriptionClient(OpenAiEndpoint.of(server.baseUrl(),
                    null), Duration.ofSeconds(30)), "whisper-1", Optional.of("en"));
            ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video,
                    options(Optional.of(stt)));
            assertEquals("speech-to-text (whisper-1)", clips.transcript());
            assertEquals(1, server.uploads().size(), "a 2-minute tone is one chunk");
            assertTrue(clips.clips().get(0).hookText().startsWith("Here's the trick."));
        }
    }

    @Test
    void theLlmJudgePicksFromNumberedSentences() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        Files.writeString(dir.resolve("talk.srt"), srt());
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.answers(call -> "{\"clips\": [{\"start_sentence\": 12, \"end_sentence\": 19, \"score\": 91,"
                    + " \"sub_scores\": {\"hook\": 95, \"payoff\": 85, \"coherence\": 80},"
                    + " \"hook_text\": \"Why do 90% of git rebases fail?\","
                    + " \"reason\": \"A number-shock question answered by a clear fix.\"}]}");
            LlmJudge judge = new LlmJudge(new dev.tagline.inference.openai.ChatClient(OpenAiEndpoint.of(
                    server.baseUrl(), null), Duration.ofSeconds(30)), "judge", DurationBand.MEDIUM);
            ClipFinder.Options options = new ClipFinder.Options(DurationBand.MEDIUM, OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT, Optional.of(judge), FinderModels.none());
            ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video, options);
            assertEquals(1, clips.clips().size());
            ClipCandidate c = clips.clips().get(0);
            assertEquals(91, c.score());
            assertEquals(59.65, c.startSeconds(), 0.01);
            assertTrue(c.endSeconds() > 99.0 && c.endSeconds() <= 99.45, "cue end plus at most 0.45 s tail: " + c);
            assertEquals("A number-shock question answered by a clear fix.", c.reason());
            assertTrue(server.chats().get(0).lastUser().contains("[12] (4 s) Why do 90% of git rebases fail?"));
        }
    }

    /**
     * Topic segments through the embedder seam. The embedder here is a test double (bag of words over a tiny
     * vocabulary), not a model: it makes the three topics of the subtitle file unmistakable.
     */
    @Test
    void topicSegmentsFromTheEmbedderReachTheClips() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = scenes(ffmpeg);
        StringBuilder srt = new StringBuilder();
        String[] topics = {"git rebase branch commit", "docker image container layer", "python list dict loop"};
        for (int i = 0; i < 24; i++) {
            srt.append(i + 1).append('\n').append(time(i * 5.0)).append(" --> ").append(time(i * 5.0 + 4))
                    .append("\nWe talk about ").append(topics[i / 8]).append(" now.\n\n");
        }
        Files.writeString(dir.resolve("talk.srt"), srt.toString());
        List<String> vocabulary = List.of("git", "rebase", "branch", "commit", "docker", "image", "container", "layer",
                "python", "list", "dict", "loop");
        SentenceEmbedder bagOfWords = sentences -> sentences.stream().map(s -> {
            float[] v = new float[vocabulary.size()];
            for (String w : s.toLowerCase(Locale.ROOT).split("\\W+")) {
                int i = vocabulary.indexOf(w);
                if (i >= 0) {
                    v[i] = 1;
                }
            }
            return v;
        }).toArray(float[][]::new);
        ClipFinder.Options options = new ClipFinder.Options(DurationBand.SHORT, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), DecodeOptions.DEFAULT, Optional.empty(), embeddingOnly(bagOfWords));
        ClipsFile clips = new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(video, options);
        assertFalse(clips.clips().isEmpty());
        for (ClipCandidate c : clips.clips()) {
            int topic = (int) (c.startSeconds() + 0.5) / 40;
            assertEquals(topic, c.topic(), c.toString());
            if ((int) (c.endSeconds() - 1) / 40 != topic) {
                assertTrue(c.reason().contains("crosses a topic change"), c.toString());
            }
        }
    }

    @Test
    void aCorruptFileIsOneClearError() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path corrupt = Files.write(dir.resolve("broken.mp4"), new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p', 9, 9});
        FfmpegException e = assertThrows(FfmpegException.class,
                () -> new ClipFinder(ffmpeg, CLOCK, Progress.Factory.NONE).find(corrupt, options(Optional.empty())));
        assertEquals(FfmpegException.Kind.UNREADABLE, e.kind());
        assertFalse(e.oneLine().contains("\n"));
    }
}
