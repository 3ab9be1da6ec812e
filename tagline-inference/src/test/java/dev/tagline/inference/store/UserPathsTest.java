package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model-path}: models the catalog does not know, and catalog models from the user's own folder. */
class UserPathsTest {
    @TempDir
    Path dir;

    private ModelStore store() {
        StoreFixture fixture = new StoreFixture(dir);
        byte[] vad = "vad".getBytes();
        String json = "{\"models\": [{\"id\": \"vad\", \"files\": [{\"name\": \"vad.onnx\", \"sha256\": \""
                + StoreFixture.sha256(vad) + "\", \"sources\": [{\"type\": \"npm\", \"package\": \"x@1\", "
                + "\"path\": \"vad.onnx\"}]}]}]}";
        return fixture.store(json, fixture.config("http://127.0.0.1:9", null, true));
    }

    @Test
    void anUnknownModelIsTheFileOrTheFolderGiven() throws Exception {
        Path folder = dir.resolve("mine");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("model.onnx"), "m");
        Files.writeString(folder.resolve("tags.csv"), "t");
        Files.writeString(folder.resolve(".hidden"), "h");

        ResolvedModel model = store().resolve("my-tagger", folder);

        assertEquals(List.of("model.onnx", "tags.csv"), List.copyOf(model.files().keySet()));
        assertEquals("--model-path", model.origin());
        assertEquals(folder.resolve("model.onnx"), store().resolve(folder.resolve("model.onnx").toString())
                .file("model.onnx"));
    }

    @Test
    void aCatalogModelFromAUserFileIsCheckedAgainstItsPin() throws Exception {
        Path good = dir.resolve("good.onnx");
        Files.writeString(good, "vad");
        assertEquals(good, store().resolve("vad", good).file("vad.onnx"));

        Path bad = dir.resolve("bad.onnx");
        Files.writeString(bad, "not vad");
        TaglineException e = assertThrows(TaglineException.class, () -> store().resolve("vad", bad));
        assertTrue(e.getMessage().startsWith(bad + " has SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("model vad file vad.onnx must have"), e.getMessage());
    }

    @Test
    void aMissingPathIsNamed() {
        TaglineException e = assertThrows(TaglineException.class, () -> store().resolve("vad", dir.resolve("gone")));
        assertEquals("--model-path " + dir.resolve("gone") + " does not exist", e.getMessage());
    }
}
