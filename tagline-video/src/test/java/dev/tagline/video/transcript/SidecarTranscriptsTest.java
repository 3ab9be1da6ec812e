package dev.tagline.video.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarTranscriptsTest {
    @TempDir
    Path dir;

    @Test
    void prefersWordTimedAndIgnoresClipsAndInfoJson() throws IOException {
        Path video = Files.createFile(dir.resolve("talk.mp4"));
        Files.writeString(dir.resolve("talk.srt"), "1\n00:00:01,000 --> 00:00:02,000\nPlain.\n");
        Files.writeString(dir.resolve("talk.en.vtt"), SubtitleParsersTest.YOUTUBE);
        Files.writeString(dir.resolve("talk.clips.json"), "{\"version\":1,\"clips\":[]}");
        Files.writeString(dir.resolve("talk.info.json"), "{\"title\":\"x\"}");
        Files.writeString(dir.resolve("talk.json"), "{\"project\":\"not a transcript\"}");
        Files.writeString(dir.resolve("talker.srt"), "1\n00:00:01,000 --> 00:00:02,000\nOther video.\n");
        Transcript t = SidecarTranscripts.find(video).orElseThrow();
        assertEquals("talk.en.vtt", t.source());
        assertTrue(t.wordTimed());
    }

    @Test
    void plainSubtitlesWhenNothingElse() throws IOException {
        Path video = Files.createFile(dir.resolve("talk.mkv"));
        Files.writeString(dir.resolve("talk.srt"), "1\n00:00:01,000 --> 00:00:02,000\nPlain.\n");
        assertEquals("talk.srt", SidecarTranscripts.find(video).orElseThrow().source());
        Files.delete(dir.resolve("talk.srt"));
        assertTrue(SidecarTranscripts.find(video).isEmpty());
    }

    @Test
    void chunkPlanPacksSpeechUpToTheMaximumAndSplitsLongSpeech() {
        var s = List.of(seg(0, 100), seg(110, 250), seg(400, 500), seg(520, 1500));
        List<ChunkedTranscriber.Chunk> chunks = ChunkedTranscriber.plan(s, Duration.ofSeconds(300));
        assertEquals(List.of(chunk(0, 250), chunk(400, 500), chunk(520, 820), chunk(820, 1120), chunk(1120, 1420),
                chunk(1420, 1500)),
                chunks);
    }

    private static dev.tagline.video.signal.SpeechSegment seg(int a, int b) {
        return new dev.tagline.video.signal.SpeechSegment(Duration.ofSeconds(a), Duration.ofSeconds(b));
    }

    private static ChunkedTranscriber.Chunk chunk(int a, int b) {
        return new ChunkedTranscriber.Chunk(Duration.ofSeconds(a), Duration.ofSeconds(b));
    }
}
