package dev.tagline.images.caption.florence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.progress.Progress;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.Catalog;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.StoreConfig;
import dev.tagline.testkit.FakeHuggingFaceHub;
import dev.tagline.testkit.florence.SyntheticFlorence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in catalog's Florence-2 entries, pulled from a fake Hub that serves a synthetic export laid out as
 * {@code onnx-community/Florence-2-base-ft} (graphs under {@code onnx/}): the id and {@code --precision} pick the
 * entry, only that precision's graphs are fetched, and the captioner runs from Tagline's cache.
 */
class FlorenceStoreIT {
    @TempDir
    Path dir;

    @Test
    void idAndPrecisionPullOnlyThatVariantFromTheHubAndCaption() throws IOException {
        Path export = dir.resolve("export");
        SyntheticFlorence.write(export, "_q4", false, Florence2CaptionerTest.promptTexts());
        Files.writeString(export.resolve("config.json"), "{\"text_config\": {\"forced_eos_token_id\": 2}}");
        String repo = "onnx-community/Florence-2-base-ft";
        try (FakeHuggingFaceHub hub = FakeHuggingFaceHub.start();
             OnnxSessions sessions = new OnnxSessions(m -> { })) {
            try (Stream<Path> files = Files.list(export)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".onnx")) {
                        hub.addLfsFile(repo, "onnx/" + name, Files.readAllBytes(file));
                    } else {
                        hub.addFile(repo, name, Files.readAllBytes(file));
                    }
                }
            }
            StoreConfig config = new StoreConfig(dir.resolve("models"), dir.resolve("hf"), hub.endpoint(), null, false,
                    Duration.ofSeconds(10), StoreConfig.DEFAULT_STALL_TIMEOUT, Progress.Factory.NONE);
            ModelStore store = new ModelStore(Catalog.builtIn(), config);
            try (Florence2Captioner florence = Florence2Captioner.open(store, sessions,
                    SessionConfig.defaults().withIntraOpThreads(1), "florence-2-base-ft", null, "q4")) {
                float[] px = FlorenceImages.tensor(Florence2CaptionerTest.gradient(40, 30), florence.config());
                assertEquals("bc", florence.caption(px, "<CAPTION>",
                        dev.tagline.images.caption.GenerationSettings.FLORENCE).text());
                assertTrue(florence.revision().startsWith(repo + "@main q4"), florence.revision());
                assertTrue(florence.describe().contains("q4 on CPU"), florence.describe());
            }
            Path cached = dir.resolve("models").resolve("florence-2-base-ft-q4");
            assertTrue(Files.isRegularFile(cached.resolve("decoder_model_merged_q4.onnx")));
            assertTrue(Files.isRegularFile(cached.resolve("tokenizer.json")));
            assertTrue(hub.requests().stream().noneMatch(r -> r.path().contains("decoder_model_merged.onnx")));
        }
    }
}
