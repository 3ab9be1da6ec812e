package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Parses ffprobe 5.1 output recorded from real files (see src/test/resources/ffprobe). */
class ProbeParserTest {
    private static MediaInfo parse(String name) throws IOException {
        try (InputStream in = ProbeParserTest.class.getResourceAsStream("/ffprobe/" + name)) {
            return ProbeParser.parse(Path.of("input.mp4"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void displayMatrixRotationSwapsTheShownSize() throws IOException {
        MediaInfo info = parse("rotated-90.json");
        MediaInfo.VideoStream video = info.firstVideo().orElseThrow();
        assertEquals(270, video.rotationDegrees()); // ffprobe rotation 90 is counter-clockwise
        assertEquals(240, video.displayWidth());
        assertEquals(320, video.displayHeight());
        assertEquals(25.0, video.fps(), 1e-9);
        assertEquals(1, info.audio().size());
    }

    @Test
    void ntscRateAndNoAudio() throws IOException {
        MediaInfo info = parse("video-only-ntsc.json");
        assertEquals(30000.0 / 1001, info.firstVideo().orElseThrow().fps(), 1e-9);
        assertTrue(info.audio().isEmpty());
        assertTrue(info.duration().compareTo(Duration.ofMillis(900)) > 0);
    }

    @Test
    void matroskaSubtitleTrackWithUpperCaseTags() throws IOException {
        MediaInfo info = parse("webvtt-mkv.json");
        assertEquals("matroska,webm", info.formatName());
        assertEquals(Duration.ofMillis(2023), info.duration());
        MediaInfo.SubtitleStream subs = info.subtitles().get(0);
        assertEquals(2, subs.index());
        assertEquals(0, subs.ordinal());
        assertEquals("webvtt", subs.codec());
        assertTrue(subs.isText());
    }

    @Test
    void movTextSubtitlesInMp4() throws IOException {
        MediaInfo info = parse("mov-text-mp4.json");
        assertEquals("mov_text", info.subtitles().get(0).codec());
        assertEquals(44100, info.firstAudio().orElseThrow().sampleRate());
        assertEquals(20.0, info.firstVideo().orElseThrow().fps(), 1e-9);
    }
}
