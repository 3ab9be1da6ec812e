package dev.tagline.inference;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.speech.SpeechSettings;
import dev.tagline.inference.store.Catalog;
import dev.tagline.inference.store.FileSource;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.StoreConfig;
import dev.tagline.inference.text.EmbedderSettings;
import dev.tagline.inference.text.TextEmbedder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real built-in models for integration tests, the one place tests get them: the production {@link ModelStore}
 * (built-in catalog, real npm and classpath sources, SHA-256 checks) over a cache shared by all checkouts and runs,
 * {@code models/} below {@code $TAGLINE_TEST_MODELS}, else below {@code ~/.cache/tagline-test-models} (laid out as a
 * {@code TAGLINE_HOME}, so CLI tests can run the real command on it), and one {@link OnnxSessions} for the test JVM. A
 * test that needs an npm model which is not cached yet is skipped with an install hint when npm is missing. Image and
 * video tests reach this class through tagline-inference's test-jar (docs/design.md).
 */
public final class TestModels {
    private static final Path CACHE = cache();
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final ModelStore STORE = new ModelStore(CATALOG, new StoreConfig(CACHE.resolve("models"),
            CACHE.resolve("no-hf-cache"), StoreConfig.DEFAULT_ENDPOINT, null, true, Duration.ofSeconds(30),
            StoreConfig.DEFAULT_STALL_TIMEOUT, Progress.Factory.NONE));
    private static final OnnxSessions SESSIONS = new OnnxSessions(model -> { });
    private static final BuiltinModels BUILTINS = BuiltinModels.open(STORE, SESSIONS, SessionConfig.defaults());

    private TestModels() {
    }

    /** The store the models come from (its cache: {@link #cache()}). */
    public static ModelStore store() {
        return STORE;
    }

    /**
     * A {@code TAGLINE_HOME} whose model cache holds {@code ids} (pulled now if needed), for tests that run the
     * {@code tagline} command itself.
     */
    public static Path home(String... ids) {
        for (String id : ids) {
            requireObtainable(id);
            STORE.resolve(id);
        }
        return CACHE;
    }

    /** The built-in models after making sure each of {@code ids} can be had (else the test is skipped). */
    public static BuiltinModels builtins(String... ids) {
        for (String id : ids) {
            requireObtainable(id);
        }
        return BUILTINS;
    }

    public static FaceDetector faces(FaceSettings settings) {
        return builtins(BuiltinModels.FACES).faces(settings);
    }

    public static TextReader textReader(OcrSettings settings) {
        return builtins(BuiltinModels.OCR).textReader(settings);
    }

    public static SpeechDetector speech(SpeechSettings settings) {
        return builtins(BuiltinModels.SPEECH).speech(settings);
    }

    public static TextEmbedder embedder(EmbedderSettings settings) {
        return builtins(BuiltinModels.EMBEDDINGS).embedder(settings);
    }

    /** Skips the calling test when model {@code id} is not cached and must come from npm, but npm is missing. */
    static void requireObtainable(String id) {
        boolean needsNpm = CATALOG.find(id).orElseThrow().files().stream().flatMap(f -> f.sources().stream())
                .anyMatch(s -> s instanceof FileSource.NpmFile);
        if (needsNpm && STORE.cached(id).isEmpty()) {
            Assumptions.assumeTrue(npmRuns(), () -> "Skipped: model " + id + " is not in the test model cache "
                    + CACHE + " and npm is not installed to fetch it. Install Node.js/npm (apt-get install -y npm) "
                    + "with access to the npm registry, or set TAGLINE_TEST_MODELS to a folder that holds it.");
        }
    }

    private static boolean npmRuns() {
        try {
            return new ProcessRunner().run(ProcessSpec.of(List.of("npm", "--version"), Duration.ofSeconds(60)))
                    .succeeded();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Path cache() {
        String env = System.getenv("TAGLINE_TEST_MODELS");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "tagline-test-models");
    }
}
