package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file that is missing, not ONNX or damaged gives one line naming the file and how to get a good copy. */
class ModelFileErrorsTest {
    @TempDir
    Path dir;

    private final OnnxSessions sessions = new OnnxSessions(model -> { });

    @AfterEach
    void close() {
        sessions.close();
    }

    private TaglineException loadFails(Path file) {
        return assertThrows(TaglineException.class, () -> sessions.load(file, SessionConfig.defaults()));
    }

    @Test
    void missingFileSaysHowToDownloadIt() {
        Path file = dir.resolve("wd/model.onnx");
        assertEquals("Model file " + file + " does not exist. Download it with 'tagline models pull ID' (ids: "
                + "'tagline models list'), or point --model-path at the file.", loadFails(file).oneLine());
    }

    @Test
    void folderAndEmptyFileAreNamed() throws Exception {
        assertTrue(loadFails(dir).getMessage().endsWith(" is a folder, not an .onnx file"));
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals("Model file " + empty + " is empty. " + ModelFiles.REFETCH, loadFails(empty).oneLine());
    }

    @Test
    void htmlSavedInsteadOfTheModelIsNotOnnx() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "<!DOCTYPE html><html>Sign in to continue</html>");
        TaglineException e = loadFails(file);
        assertTrue(e.getMessage().startsWith("Model file " + file + " is not a valid ONNX model (damaged, incomplete "
                + "or another format): "), e.getMessage());
        assertEquals(ModelFiles.REFETCH, e.hint());
        assertTrue(e.hint().contains("tagline models verify") && e.hint().contains("tagline models pull"), e.hint());
    }

    @Test
    void truncatedDownloadIsDamaged() throws Exception {
        byte[] good = Files.readAllBytes(Models.conv(dir.resolve("good.onnx")));
        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(good, good.length / 2));
        TaglineException e = loadFails(cut);
        assertTrue(e.getMessage().startsWith("Model file " + cut + " is not a valid ONNX model"), e.getMessage());
        assertEquals(ModelFiles.REFETCH, e.hint());
    }

    @Test
    void validProtobufWithABrokenGraphNamesTheRuntimeVersion() throws Exception {
        Path file = dev.tagline.testkit.onnx.OnnxGraphBuilder.create()
                .input("x", dev.tagline.testkit.onnx.ElementType.FLOAT, 2)
                .sigmoid("nowhere", "y").output("y", dev.tagline.testkit.onnx.ElementType.FLOAT, 2)
                .write(dir.resolve("broken.onnx"));
        TaglineException e = loadFails(file);
        assertTrue(e.getMessage().startsWith("ONNX Runtime " + sessions.runtimeVersion() + " cannot load model "
                + file + ": "), e.getMessage());
    }

    @Test
    void aFailedLoadIsNotCachedSoAFixedFileLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "partial");
        loadFails(file);
        Models.tiny(file);
        assertEquals("CPU", sessions.load(file, SessionConfig.defaults()).provider());
    }
}
