package dev.tagline.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipsFileTest {
    @TempDir
    Path dir;

    static ClipsFile sample() {
        ClipCandidate clip = new ClipCandidate(1, 12.5, 48.25, 81, new ClipCandidate.SubScores(90, 60, 75, 55, 40),
                "Opens with a question.", "Why does rebase lose commits?", "Why does rebase lose commits? ...", 2,
                List.of("git rebase -i HEAD~3", "Interactive rebase"), "Interactive rebase");
        return ClipsFile.of(new ClipsFile.Source("talk.mp4", 3600.0), Instant.parse("2026-11-27T02:00:00Z"),
                "talk.en.vtt", List.of("note"), List.of(clip));
    }

    @Test
    void roundTripsNextToTheVideo() {
        Path file = ClipsFile.pathFor(dir.resolve("talk.mp4"));
        assertEquals("talk.clips.json", file.getFileName().toString());
        sample().write(file);
        ClipsFile read = ClipsFile.read(file);
        assertEquals(sample(), read);
        assertEquals(dir.resolve("talk.mp4").toAbsolutePath(), read.sourceFile(file));
        assertEquals(35.75, read.clips().get(0).length().toMillis() / 1000.0, 1e-9);
    }

    @Test
    void newerVersionIsRefusedAndUnknownFieldsIgnored() throws IOException {
        Path file = dir.resolve("talk.clips.json");
        sample().write(file);
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"version\" : 1", "\"version\" : 1, \"future\" : true"));
        assertEquals(sample(), ClipsFile.read(file));
        Files.writeString(file, json.replace("\"version\" : 1", "\"version\" : 2"));
        TaglineException e = assertThrows(TaglineException.class, () -> ClipsFile.read(file));
        assertTrue(e.getMessage().contains("newer Tagline"), e.getMessage());
    }

    @Test
    void aFileWrittenBeforeScreenTextWasKeptReadsAsNone() throws IOException {
        Path file = dir.resolve("talk.clips.json");
        sample().write(file);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("clips").get(0)).remove(
                List.of("screenText", "screenTitle"));
        Files.writeString(file, root.toString());
        ClipCandidate clip = ClipsFile.read(file).clips().get(0);
        assertEquals(List.of(), clip.screenText());
        assertEquals("", clip.screenTitle());
        assertEquals("Why does rebase lose commits?", clip.hookText());
    }

    @Test
    void brokenFileNamesItself() throws IOException {
        Path file = Files.writeString(dir.resolve("talk.clips.json"), "{\"version\":1,\"clips\":[{\"rank\":1}]");
        TaglineException e = assertThrows(TaglineException.class, () -> ClipsFile.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read " + file), e.getMessage());
    }

    @Test
    void schemaListsExactlyTheFieldsWritten() throws IOException {
        Path schema = findSchema();
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(schema.toFile());
        Path file = dir.resolve("x.clips.json");
        sample().write(file);
        JsonNode written = json.readTree(file.toFile());
        assertEquals(names(written), required(root));
        assertEquals(names(written.get("clips").get(0)), required(root.at("/properties/clips/items")));
        assertEquals(names(written.at("/clips/0/subScores")),
                required(root.at("/properties/clips/items/properties/subScores")));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> required(JsonNode node) {
        Set<String> out = new HashSet<>();
        for (Iterator<JsonNode> it = node.get("required").elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }

    private static Path findSchema() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("docs/schemas/clips.schema.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "docs/schemas/clips.schema.json not found above the module");
        return null;
    }
}
