package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipsCommandIT {
    @TempDir
    Path dir;

    @Test
    void findWritesClipsJsonAndPrintsTheTable() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            found |= !d.isBlank() && Files.isExecutable(Path.of(d, "ffmpeg"));
        }
        assumeTrue(found, "skipped: ffmpeg not on PATH (Debian/Ubuntu: sudo apt-get install ffmpeg)");
        new ProcessRunner().runChecked(ProcessSpec.of(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=d=80:s=160x120:r=10", "-f", "lavfi", "-i", "sine=d=80",
                "-c:v", "libx264", "-c:a", "aac", "-shortest", dir.resolve("talk.mp4").toString()),
                Duration.ofMinutes(2)));
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            srt.append(i + 1).append("\n00:00:").append(String.format("%02d", i * 5)).append(",000 --> 00:00:")
                    .append(String.format("%02d", i * 5 + 4)).append(",000\n")
                    .append(i == 4 ? "Here's the trick nobody tells you." : "Step " + i + " of the setup.")
                    .append("\n\n");
        }
        Files.writeString(dir.resolve("talk.srt"), srt);
        CliTestSupport cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "PATH", path));
        assertEquals(ExitCode.OK, cli.run("clips", "find", "talk.mp4", "--count", "2"), cli.err());
        assertTrue(cli.out().contains("Wrote talk.clips.json (2 clips, transcript from talk.srt)."), cli.out());
        assertTrue(cli.out().contains("\"Here's the trick nobody tells you.\""), cli.out());
        ClipsFile clips = ClipsFile.read(dir.resolve("talk.clips.json"));
        assertEquals(2, clips.clips().size());
        assertEquals(1, clips.clips().get(0).rank());
    }
}
