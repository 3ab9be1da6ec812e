package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.FakeHuggingFaceHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs pull the same model into one cache at the same time: one download, one intact file. */
class TwoProcessPullIT {
    private static final String REPO = "acme/shared";
    private static final byte[] MODEL = StoreFixture.randomBytes(2_000_000, 7);

    @TempDir
    Path dir;

    @Test
    void aSecondProcessWaitsForTheFirstAndReusesItsFile() throws Exception {
        try (FakeHuggingFaceHub hub = FakeHuggingFaceHub.start().addLfsFile(REPO, "model.onnx", MODEL)) {
            hub.throttle(Duration.ofMillis(60)); // 31 chunks of 64 KiB: about 2 s of download to overlap with
            StoreFixture fixture = new StoreFixture(dir);
            String json = StoreFixture.hubCatalog("shared", REPO, "model.onnx", StoreFixture.sha256(MODEL));
            Path catalogFile = dir.resolve("catalog.json");
            Files.writeString(catalogFile, json);

            Process other = new ProcessBuilder(javaCommand(), "-cp", testClassPath(), PullMain.class.getName(),
                    catalogFile.toString(), fixture.models.toString(), fixture.hfCache.toString(),
                    hub.endpoint().toString(), "shared", "model.onnx")
                    .redirectErrorStream(true).start();
            Path staging = fixture.models.resolve("shared").resolve(".model.onnx.incomplete");
            waitUntil(() -> Files.exists(staging) && Files.size(staging) > 0, other);

            Path mine = fixture.store(json, fixture.config(hub.endpoint().toString(), null, false))
                    .resolve("shared").file("model.onnx");

            assertTrue(other.waitFor(60, TimeUnit.SECONDS), "second JVM finished");
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, other.exitValue(), output);
            assertEquals(mine.toString(), output);
            assertArrayEquals(MODEL, Files.readAllBytes(mine));
            List<FakeHuggingFaceHub.Request> downloads = hub.requests().stream()
                    .filter(r -> r.server().equals("cdn")).toList();
            assertEquals(1, downloads.size(), "the waiting process reused the file: " + hub.requests());
            assertEquals(List.of(".model.onnx.sha256", "model.onnx"),
                    StoreFixture.filesUnder(fixture.models.resolve("shared")));
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check, Process other) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.ok()) {
            if (!other.isAlive()) {
                throw new AssertionError("second JVM ended early: "
                        + new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                other.destroyForcibly();
                throw new AssertionError("second JVM never started downloading");
            }
            Thread.sleep(20);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire and failsafe put the real test class path here; java.class.path may be a manifest-only jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
