package dev.tagline.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path root;

    @Test
    void requireNamesTheMissingFileAndTheFix() {
        ModelFiles files = new ModelFiles("paddleocr-v4", root);
        TaglineException e = assertThrows(TaglineException.class, () -> files.require("assets/det.onnx"));
        assertTrue(e.getMessage().contains("paddleocr-v4") && e.getMessage().contains("det.onnx"), e.getMessage());
        assertTrue(e.hint().contains(root.toString()), e.hint());
        assertFalse(files.has("assets/det.onnx"));
    }

    @Test
    void requireReturnsAFileThatExists() throws Exception {
        Path model = Files.createDirectories(root.resolve("weights")).resolve("m.onnx");
        Files.write(model, new byte[] {1});
        assertEquals(model, new ModelFiles("x", root).require("weights/m.onnx"));
    }

}
