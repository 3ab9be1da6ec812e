package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtProvider;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSessionsTest {
    @TempDir
    Path dir;

    private final List<OnnxModel> loaded = new CopyOnWriteArrayList<>();
    private final OnnxSessions sessions = new OnnxSessions(loaded::add);
    private final SessionConfig twoThreads = SessionConfig.defaults().withIntraOpThreads(2);

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void cpuIsTheDefaultAndTheModelSaysHowItRuns() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("model.onnx")), twoThreads);
        assertEquals("CPU", model.provider());
        assertTrue(model.describe().matches("model\\.onnx on CPU, 2 intra-op threads, loaded in \\d+ ms"),
                model.describe());
        assertEquals(List.of(model), loaded, "the CLI hears of each load once");
        assertTrue(model.loadTime().toNanos() > 0);
    }

    @Test
    void idleThreadsDoNotSpinUnlessTheConfigSaysSo() throws OrtException {
        assertFalse(SessionConfig.defaults().allowSpinning(), "off by default: 5x faster on a busy 2-core machine");
        try (SessionOptions options = new SessionOptions()) {
            OnnxSessions.configure(options, SessionConfig.defaults());
            assertEquals("0", options.getConfigEntries().get("session.intra_op.allow_spinning"));
        }
        try (SessionOptions options = new SessionOptions()) {
            OnnxSessions.configure(options, SessionConfig.defaults().withAllowSpinning(true));
            assertEquals("1", options.getConfigEntries().get("session.intra_op.allow_spinning"));
        }
    }

    @Test
    void spinningIsPartOfTheCacheKeyAndTheDescription() {
        Path file = Models.tiny(dir.resolve("m.onnx"));
        OnnxModel quiet = sessions.load(file, twoThreads);
        OnnxModel spinning = sessions.load(file, twoThreads.withAllowSpinning(true));
        assertNotSame(quiet, spinning);
        assertTrue(spinning.describe().matches("m\\.onnx on CPU, 2 intra-op threads, spinning, loaded in \\d+ ms"),
                spinning.describe());
    }

    @Test
    void describeNamesNonDefaultSettings() {
        OnnxModel model = sessions.load(Models.tiny(dir.resolve("m.onnx")), SessionConfig.defaults()
                .withIntraOpThreads(1).withInterOpThreads(2).withOptimization(SessionConfig.Optimization.BASIC));
        assertTrue(model.describe().matches("m\\.onnx on CPU, 1 intra-op thread, 2 inter-op threads, "
                + "optimisation basic, loaded in \\d+ ms"), model.describe());
    }

    @Test
    void sameFileAndConfigLoadOnceEvenThroughASymlink() throws IOException {
        Path file = Models.tiny(dir.resolve("blobs/abc123"));
        Path link = Files.createDirectories(dir.resolve("snapshots/main")).resolve("model.onnx");
        Files.createSymbolicLink(link, file);
        OnnxModel first = sessions.load(file, twoThreads);
        assertSame(first, sessions.load(file, twoThreads));
        assertSame(first, sessions.load(link, SessionConfig.defaults().withIntraOpThreads(2)));
        OnnxModel other = sessions.load(file, twoThreads.withIntraOpThreads(1));
        assertNotSame(first, other);
        assertEquals(2, loaded.size());
    }

    @Test
    void concurrentCallersShareTheFirstLoad() throws Exception {
        Path file = Models.conv(dir.resolve("conv.onnx"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<OnnxModel>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> sessions.load(file, twoThreads)));
            }
            OnnxModel first = futures.get(0).get();
            for (Future<OnnxModel> f : futures) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, loaded.size());
    }

    @Test
    void intraOpThreadsAreReallyStarted() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "counts threads through /proc (Linux)");
        Path file = Models.conv(dir.resolve("conv.onnx"));
        sessions.load(file, twoThreads.withIntraOpThreads(1));
        int before = nativeThreads();
        sessions.load(file, twoThreads.withIntraOpThreads(5));
        int after = nativeThreads();
        assertTrue(after - before >= 4, "5 intra-op threads = the caller + 4 pool threads; before " + before
                + ", after " + after);
    }

    private static int nativeThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.count();
        }
    }

    @Test
    void cudaOnTheCpuBuildSaysWhichBuildIsInstalledAndHowToGetTheOther() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this is the GPU build");
        Path file = Models.tiny(dir.resolve("model.onnx"));
        TaglineException e = assertThrows(TaglineException.class,
                () -> sessions.load(file, twoThreads.withDevice(Device.cuda(1))));
        assertEquals("Device cuda:1 needs the GPU build of ONNX Runtime, but this Tagline has the CPU build "
                + "(providers: [CPU]). " + ExecutionProviders.GPU_BUILD_HINT, e.oneLine());
        assertTrue(e.hint().contains("./mvnw -Pgpu -DskipTests package") && e.hint().contains("CUDA 12")
                && e.hint().contains("cuDNN 9"), e.hint());
        assertThrows(TaglineException.class, () -> sessions.checkDevice(Device.cuda(0)));
        sessions.checkDevice(Device.CPU);
        assertTrue(loaded.isEmpty());
    }

    @Test
    void cudaThatCannotStartIsAnErrorNotASilentCpuFallback() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this is the GPU build");
        // pretend the GPU build is installed: ONNX Runtime then fails to find its CUDA library, as on a host without CUDA
        try (OnnxSessions gpuBuild = new OnnxSessions(OrtEnvironment.getEnvironment(),
                () -> EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), loaded::add)) {
            gpuBuild.checkDevice(Device.cuda(0));
            TaglineException e = assertThrows(TaglineException.class,
                    () -> gpuBuild.load(Models.tiny(dir.resolve("model.onnx")), twoThreads.withDevice(Device.cuda(0))));
            assertTrue(e.getMessage().startsWith("Cannot use cuda:0: ONNX Runtime could not start its CUDA provider ("),
                    e.getMessage());
            assertTrue(e.hint().contains("nvidia-smi") && e.hint().contains("does not fall back"), e.hint());
        }
        assertTrue(loaded.isEmpty());
    }

    @Test
    void closedSessionsRefuseToLoad() {
        Path file = Models.tiny(dir.resolve("model.onnx"));
        sessions.load(file, twoThreads);
        sessions.close();
        assertThrows(IllegalStateException.class, () -> sessions.load(file, twoThreads));
    }
}
