package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandTest {
    @Test
    void inputAndOutputOptionsLandBeforeTheirFile() {
        List<String> args = FfmpegCommand.ffmpeg(Path.of("/usr/bin/ffmpeg"))
                .seek(Duration.ofMillis(12_500)).input(Path.of("talk.mp4"))
                .option("-map", "0:a:0", "-ac", "1", "-ar", "16000", "-f", "s16le").output("pipe:1")
                .build();
        assertEquals(List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-ss", "12.500", "-i", "talk.mp4", "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-f", "s16le",
                "pipe:1"), args);
    }

    @Test
    void secondsUseADotWhateverTheLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1.250", FfmpegCommand.seconds(Duration.ofMillis(1250)));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void optionsAfterTheLastOutputAreAMistake() {
        FfmpegCommand command = FfmpegCommand.ffmpeg(Path.of("ffmpeg")).input("a.mp4").output("b.wav").option("-y");
        assertThrows(IllegalStateException.class, command::build);
    }
}
