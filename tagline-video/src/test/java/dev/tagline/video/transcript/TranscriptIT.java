package dev.tagline.video.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.TranscriptionClient;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.SpeechSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptIT {
    @TempDir
    Path dir;

    @Test
    void embeddedSubtitleStreamOfAGeneratedVideo() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path srt = Files.writeString(dir.resolve("in.srt"),
                "1\n00:00:00,500 --> 00:00:01,500\nFirst line.\n\n2\n00:00:02,000 --> 00:00:02,900\nSecond.\n");
        Path video = TestMedia.make(ffmpeg, dir.resolve("subs.mkv"), "-f", "lavfi", "-i", "testsrc=d=3:s=160x120:r=10",
                "-i", srt.toString(), "-map", "0:v", "-map", "1:s", "-c:v", "libx264", "-c:s", "srt",
                "-metadata:s:s:0", "language=eng");
        MediaInfo info = ffmpeg.probe(video);
        Transcript t = new EmbeddedSubtitles(ffmpeg).extract(info, Optional.of("eng")).orElseThrow();
        assertEquals("embedded subtitles #0 (eng)", t.source());
        assertEquals(List.of("First line.", "Second."), t.cues().stream().map(Cue::text).toList());
        assertEquals(Duration.ofMillis(2000), t.cues().get(1).start());
    }

    @Test
    void movTextAndWebVttStreamsOfRealFiles() {
        Path data = TestMedia.sharedData("speech/auto-editor");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        for (String name : List.of("mov_text.mp4", "webvtt.mkv")) {
            MediaInfo info = ffmpeg.probe(data.resolve(name));
            Transcript t = new EmbeddedSubtitles(ffmpeg).extract(info, Optional.empty()).orElseThrow();
            assertFalse(t.isEmpty(), name);
            assertTrue(t.cues().get(0).end().compareTo(Duration.ofSeconds(3)) < 0, name + ": " + t.cues());
        }
    }

    @Test
    void chunksGoToTheServerAndOffsetsAreAddedBack() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("talk.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=12:s=160x120:r=10", "-f", "lavfi", "-i", "sine=d=12:sample_rate=44100", "-c:v", "libx264",
                "-c:a", "aac", "-shortest");
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.hears(upload -> List.of(new FakeOpenAiServer.HeardWord("chunk", 0.2, 0.6),
                    new FakeOpenAiServer.HeardWord(String.format("%.1fs.", upload.wavSeconds()), 0.7, 1.0)));
            TranscriptionClient client = new TranscriptionClient(OpenAiEndpoint.of(server.baseUrl(), null),
                    Duration.ofSeconds(30));
            ChunkedTranscriber transcriber = new ChunkedTranscriber(ffmpeg,
                    new OpenAiSpeechToText(client, "whisper-1", Optional.empty()), Duration.ofSeconds(4));
            List<SpeechSegment> speech = List.of(new SpeechSegment(Duration.ofMillis(1000), Duration.ofMillis(3000)),
                    new SpeechSegment(Duration.ofMillis(6500), Duration.ofMillis(11500)));
            Transcript t = transcriber.transcribe(ffmpeg.probe(video), speech);
            List<Word> words = t.words();
            assertEquals(3, server.uploads().size(), "2 s, then 5 s split into 4 s + 1 s");
            assertEquals(List.of("chunk", "2.0s.", "chunk", "4.0s.", "chunk", "1.0s."),
                    words.stream().map(Word::text).toList());
            assertEquals(Duration.ofMillis(1200), words.get(0).start());
            assertEquals(Duration.ofMillis(6700), words.get(2).start());
            assertEquals(Duration.ofMillis(10_700), words.get(4).start());
            assertTrue(t.wordTimed());
        }
    }
}
