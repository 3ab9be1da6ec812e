package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses POSIX executable bits")
class FfmpegLocatorTest {
    @TempDir
    Path dir;

    private Path tool(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void flagBeatsEnvironmentBeatsPath() throws IOException {
        Path flagDir = dir.resolve("flag");
        Path envDir = dir.resolve("env");
        Path pathDir = dir.resolve("path");
        for (Path d : new Path[] {flagDir, envDir, pathDir}) {
            tool(d, "ffmpeg");
            tool(d, "ffprobe");
        }
        Map<String, String> env = Map.of("PATH", pathDir.toString(), FfmpegLocator.ENV, envDir.toString());
        FfmpegLocator locator = new FfmpegLocator(env, false);
        assertEquals(flagDir.resolve("ffmpeg"), locator.locate(Optional.of(flagDir.resolve("ffmpeg"))).ffmpeg());
        assertEquals(envDir.resolve("ffprobe"), locator.locate(Optional.empty()).ffprobe());
        assertEquals(pathDir.resolve("ffmpeg"),
                new FfmpegLocator(Map.of("PATH", "/nowhere:" + pathDir), false).locate(Optional.empty()).ffmpeg());
    }

    @Test
    void versionedNameFindsItsProbe() throws IOException {
        Path ffmpeg = tool(dir, "ffmpeg-6");
        tool(dir, "ffprobe-6");
        assertEquals(dir.resolve("ffprobe-6"), new FfmpegLocator(Map.of(), false).locate(Optional.of(ffmpeg)).ffprobe());
    }

    @Test
    void missingEverywhereGivesAnInstallHint() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> new FfmpegLocator(Map.of("PATH", dir.toString()), false).locate(Optional.empty()));
        assertEquals("ffmpeg was not found on PATH", e.getMessage());
        assertTrue(e.hint().contains("apt-get install ffmpeg") && e.hint().contains("--ffmpeg"), e.hint());
    }

    @Test
    void flagToAFolderWithoutFfprobeSaysSo() throws IOException {
        tool(dir, "ffmpeg");
        TaglineException e = assertThrows(TaglineException.class,
                () -> new FfmpegLocator(Map.of(), false).locate(Optional.of(dir)));
        assertTrue(e.getMessage().startsWith("ffprobe was not found beside"), e.getMessage());
    }
}
