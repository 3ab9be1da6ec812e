package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegIT {
    @TempDir
    Path dir;

    @Test
    void probesAGeneratedVideo() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("t.mp4"), "-f", "lavfi", "-i", "testsrc=d=3:s=320x240:r=25",
                "-f", "lavfi", "-i", "sine=d=3:sample_rate=48000", "-c:v", "libx264", "-c:a", "aac", "-shortest");
        MediaInfo info = ffmpeg.probe(video);
        MediaInfo.VideoStream v = info.firstVideo().orElseThrow();
        assertEquals(320, v.width());
        assertEquals(25.0, v.fps(), 1e-6);
        assertEquals(48000, info.firstAudio().orElseThrow().sampleRate());
        assertEquals(3.0, info.duration().toMillis() / 1000.0, 0.1);
    }

    @Test
    void mappingAMissingAudioStreamIsNoAudio() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("silent.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=1:s=160x120:r=10", "-c:v", "libx264");
        List<String> command = ffmpeg.command().input(video).option("-map", "0:a:0", "-f", "s16le").output("pipe:1")
                .build();
        FfmpegException e = assertThrows(FfmpegException.class, () -> ffmpeg.run(command, video, "decoding"));
        assertEquals(FfmpegException.Kind.NO_AUDIO, e.kind());
    }

    @Test
    void corruptFileIsUnreadable() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path corrupt = dir.resolve("corrupt.mp4");
        Files.write(corrupt, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3});
        FfmpegException e = assertThrows(FfmpegException.class, () -> ffmpeg.probe(corrupt));
        assertEquals(FfmpegException.Kind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("corrupt.mp4"), e.getMessage());
    }

    @Test
    void missingFileIsUnreadable() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        FfmpegException e = assertThrows(FfmpegException.class, () -> ffmpeg.probe(dir.resolve("nope.mp4")));
        assertEquals(FfmpegException.Kind.UNREADABLE, e.kind());
    }

    @Test
    void timeLimitStopsAHungFfmpeg() {
        Ffmpeg real = TestMedia.ffmpeg();
        Ffmpeg ffmpeg = new Ffmpeg(real.tools(), new dev.tagline.core.process.ProcessRunner(), Duration.ofSeconds(1));
        List<String> endless = ffmpeg.command().option("-re", "-f", "lavfi").input("testsrc=s=64x64:r=5")
                .option("-f", "null").output("-").build();
        FfmpegException e = assertThrows(FfmpegException.class, () -> ffmpeg.run(endless, Path.of("testsrc"), "test"));
        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
    }
}
