package dev.tagline.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void environmentBeatsFileAndCommandScopedBeatsGlobal() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), """
                general-threshold = 0.2
                device = "cpu"
                [tag]
                general-threshold = 0.3
                exclude = ["a", "b"]
                """);
        Settings s = Settings.load(dir, Map.of("TAGLINE_DEVICE", "cuda:1"), null);
        assertEquals("cuda:1", s.lookup("tag", "device").orElseThrow().value());
        assertEquals("environment variable TAGLINE_DEVICE", s.lookup("tag", "device").orElseThrow().source());
        assertEquals("0.3", s.lookup("tag", "general-threshold").orElseThrow().value());
        assertEquals("0.2", s.lookup("caption", "general-threshold").orElseThrow().value());
        assertEquals("a,b", s.lookup("tag", "exclude").orElseThrow().value());
        Settings scoped = Settings.load(dir, Map.of("TAGLINE_TAG_GENERAL_THRESHOLD", "0.5",
                "TAGLINE_GENERAL_THRESHOLD", "0.6"), null);
        assertEquals("0.5", scoped.lookup("tag", "general-threshold").orElseThrow().value());
        assertEquals("0.6", scoped.lookup("caption", "general-threshold").orElseThrow().value());
        assertEquals(List.of("general-threshold", "device", "tag.general-threshold", "tag.exclude"), s.fileKeys());
    }

    @Test
    void aParentCommandsTableAndVariableApplyToItsSubcommands() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), """
                length = "long"
                [clips]
                length = "short"
                [clips.render]
                length = "medium"
                """);
        Settings s = Settings.load(dir, Map.of(), null);
        assertEquals("short", s.lookup("clips find", "length").orElseThrow().value());
        assertEquals(dir.resolve("tagline.toml") + " key clips.length",
                s.lookup("clips find", "length").orElseThrow().source());
        assertEquals("medium", s.lookup("clips render", "length").orElseThrow().value());
        assertEquals("long", s.lookup("tag", "length").orElseThrow().value());
        Settings env = Settings.load(dir, Map.of("TAGLINE_CLIPS_LENGTH", "tiny", "TAGLINE_LENGTH", "huge"), null);
        assertEquals("tiny", env.lookup("clips find", "length").orElseThrow().value());
        assertEquals("environment variable TAGLINE_CLIPS_LENGTH", env.lookup("clips find", "length").orElseThrow()
                .source());
        assertEquals("huge", env.lookup("tag", "length").orElseThrow().value());
    }

    @Test
    void fileIsFoundInTaglineHomeWhenNotInWorkingDirectory() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("tagline.toml"), "chunk = 64\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Settings s = Settings.load(work, Map.of("TAGLINE_HOME", home.toString()), null);
        assertEquals("64", s.lookup("check", "chunk").orElseThrow().value());
        assertEquals(home.resolve("tagline.toml"), s.file().orElseThrow());
    }

    @Test
    void explicitFileMustExist() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> Settings.load(dir, Map.of(), Path.of("missing.toml")));
        assertTrue(e.getMessage().contains(dir.resolve("missing.toml").toString()));
    }

    @Test
    void homeDefaultsFollowXdgThenHome() {
        assertEquals(Path.of("/x/tagline"), TaglineHome.fromEnvironment(Map.of("XDG_CACHE_HOME", "/x")).dir());
        assertEquals(Path.of("/h/.cache/tagline"), TaglineHome.fromEnvironment(Map.of("HOME", "/h")).dir());
        assertEquals(Path.of("/t/models"), TaglineHome.fromEnvironment(Map.of("TAGLINE_HOME", "/t")).models());
    }
}
