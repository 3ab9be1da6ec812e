package dev.tagline.core.manifest;

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

class ClipManifestsTest {
    @TempDir
    Path dir;

    static ClipManifest sample() {
        return ClipManifest.of("talk-003", "clip.mp4", new ClipManifest.Source("talk.mp4", 12.5, 45), 32.5, 1080, 1920,
                0.87, true, new ClipManifest.Copy("Why tests matter", "A short take.", List.of("testing", "java")),
                Map.of("x", new ClipManifest.Copy(null, "Short for X", null)));
    }

    @Test
    void roundTripsThroughTheFileAndResolvesTheVideoBesideIt() {
        ClipManifests.write(dir.resolve("clip.json"), sample());
        ClipManifest read = ClipManifests.read(dir);
        assertEquals(sample(), read);
        assertEquals(dir.resolve("clip.mp4"), ClipManifests.videoOf(dir.resolve("clip.json"), read));
    }

    @Test
    void theRenderersRecordRoundTripsAndOldManifestsHaveNone() throws Exception {
        ClipManifest rendered = sample().withRender(new ClipManifest.Render("9:16", List.of(
                new ClipManifest.SceneMode(0, 12.5, "track"), new ClipManifest.SceneMode(12.5, 32.5, "screencast")),
                "talk-003.jpg", new ClipManifest.Captions("talk-003.ass", "talk-003.srt", "talk-003.vtt"),
                Map.of("clip.mp4", "a".repeat(64), "talk-003.jpg", "b".repeat(64))));
        ClipManifests.write(dir.resolve("clip.json"), rendered);
        assertEquals(rendered, ClipManifests.read(dir));
        String json = Files.readString(dir.resolve("clip.json"));
        assertTrue(json.indexOf("\"clip.mp4\"") < json.indexOf("\"talk-003.jpg\""), "checksums sorted by file");
        Files.writeString(dir.resolve("clip.json"), "{\"schema\":\"tagline.clip\",\"version\":1,\"id\":\"a\","
                + "\"video\":\"a.mp4\",\"durationSeconds\":3}");
        assertEquals(null, ClipManifests.read(dir).render());
    }

    @Test
    void renderNotesRoundTripAndAreLeftOutWhenThereAreNone() throws Exception {
        ClipManifest.Render quiet = new ClipManifest.Render("9:16", List.of(), "a.jpg", null, Map.of(),
                List.of("The audio measures -21.0 LUFS, not the -14 LUFS target."));
        ClipManifests.write(dir.resolve("clip.json"), sample().withRender(quiet));
        assertEquals(quiet.notes(), ClipManifests.read(dir).render().notes());
        ClipManifests.write(dir.resolve("clip.json"), sample().withRender(new ClipManifest.Render("9:16", List.of(),
                "a.jpg", null, Map.of())));
        assertTrue(!Files.readString(dir.resolve("clip.json")).contains("notes"), "no empty notes array");
        assertEquals(List.of(), ClipManifests.read(dir).render().notes());
    }

    @Test
    void variantOverridesOnlyTheFieldsItSets() {
        ClipManifest.Copy x = sample().copyFor("x");
        assertEquals("Why tests matter", x.title());
        assertEquals("Short for X", x.caption());
        assertEquals("Short for X\n\n#testing #java", x.text());
        assertEquals(sample().copy(), sample().copyFor("tiktok"));
    }

    @Test
    void unknownVersionNamesTheFileAndBothVersions() throws Exception {
        Files.writeString(dir.resolve("clip.json"),
                "{\"schema\":\"tagline.clip\",\"version\":7,\"id\":\"a\",\"video\":\"a.mp4\",\"durationSeconds\":3}");
        TaglineException e = assertThrows(TaglineException.class, () -> ClipManifests.read(dir));
        assertTrue(e.getMessage().contains("version 7") && e.getMessage().contains("version 1"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("clip.json").toString()), e.getMessage());
    }

    @Test
    void missingVideoAndBadScoreAreNamed() throws Exception {
        Files.writeString(dir.resolve("clip.json"),
                "{\"schema\":\"tagline.clip\",\"version\":1,\"id\":\"a\",\"durationSeconds\":3}");
        assertTrue(assertThrows(TaglineException.class, () -> ClipManifests.read(dir)).getMessage()
                .contains("\"video\" is missing"));
        Files.writeString(dir.resolve("clip.json"), "{\"schema\":\"tagline.clip\",\"version\":1,\"id\":\"a\","
                + "\"video\":\"a.mp4\",\"durationSeconds\":3,\"score\":1.5}");
        assertTrue(assertThrows(TaglineException.class, () -> ClipManifests.read(dir)).getMessage()
                .contains("outside [0, 1]"));
    }

    @Test
    void strayJsonIsNotMistakenForAClip() throws Exception {
        Files.writeString(dir.resolve("clip.json"), "{\"id\":\"a\",\"video\":\"a.mp4\"}");
        assertTrue(assertThrows(TaglineException.class, () -> ClipManifests.read(dir)).getMessage()
                .contains("\"schema\""));
    }

    @Test
    void theSchemaFileDescribesTheSameRequiredFields() throws Exception {
        Path schema = Path.of("..", "docs", "schemas", "clip.schema.json");
        String text = Files.readString(schema);
        for (String field : List.of("\"schema\"", "\"version\"", "\"id\"", "\"video\"", "\"durationSeconds\"",
                "\"score\"", "\"accepted\"", "\"variants\"", "\"render\"", "\"scenes\"", "\"sha256\"",
                "\"thumbnail\"")) {
            assertTrue(text.contains(field), "schema mentions " + field);
        }
        assertTrue(text.contains("\"const\": " + ClipManifest.VERSION));
    }
}
