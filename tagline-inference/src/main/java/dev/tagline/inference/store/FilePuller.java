package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gets one catalog file into the cache: under a per-file lock, it checks the cache, then tries the Hugging Face cache
 * (for Hub files) and the catalog's sources in order. A file becomes visible only after its SHA-256 matched: staging
 * file, verify, atomic rename. When every source fails, one {@link ModelUnavailableException} lists them all.
 */
final class FilePuller {
    private final CacheLayout layout;
    private final HfCacheSource hfCache;
    private final List<ModelSource> sources;

    FilePuller(CacheLayout layout, HfCacheSource hfCache, List<ModelSource> sources) {
        this.layout = layout;
        this.hfCache = hfCache;
        this.sources = List.copyOf(sources);
    }

    Path pull(ModelEntry model, ModelFile file) {
        return pull(model, file, false);
    }

    /**
     * As {@link #pull(ModelEntry, ModelFile)}, but when {@code localOnly} only from local disk: Tagline's cache, else
     * the Hugging Face cache; never the network or npm.
     */
    @SuppressWarnings("try") // the try-with-resources holds a lock (or npm batch) for the block; no body use
    Path pull(ModelEntry model, ModelFile file, boolean localOnly) {
        Path target = layout.file(model.id(), file.name());
        if (recordedOk(model, file)) {
            return target;
        }
        try (FileLocks.Held lock = FileLocks.acquire(layout.lock(model.id(), file.name()))) {
            List<String> tried = new ArrayList<>();
            List<String> hints = new ArrayList<>();
            String local = checkLocal(model, file);
            if (local == null) {
                return target;
            }
            tried.add("local cache " + target + ": " + local);
            for (Attempt attempt : attempts(file, localOnly)) {
                String where = attempt.source().describe(attempt.from());
                try {
                    Files.createDirectories(target.getParent());
                    Candidate candidate = attempt.source().fetch(model, file, attempt.from(),
                            layout.staging(model.id(), file.name()));
                    commit(model, file, candidate);
                    return target;
                } catch (SourceException e) {
                    tried.add(where + ": " + e.getMessage());
                    hints.add(e.hint());
                    if (!(attempt.from() instanceof FileSource.HubFile)) {
                        // only a Hub download can be resumed; any other partial copy is useless
                        Files.deleteIfExists(layout.staging(model.id(), file.name()));
                    }
                }
            }
            removeIfEmpty(layout.modelDir(model.id()));
            throw new ModelUnavailableException(model.id(), List.of(file), tried, hints, layout.modelDir(model.id()),
                    hfCache.hubCache());
        } catch (IOException e) {
            throw new TaglineException("Cannot write model " + model.id() + " into " + layout.modelDir(model.id())
                    + ": " + e.getMessage(), AtomicFiles.hintFor(e, layout.modelDir(model.id())), e);
        }
    }

    private record Attempt(ModelSource source, FileSource from) {
    }

    private List<Attempt> attempts(ModelFile file, boolean localOnly) {
        List<Attempt> attempts = new ArrayList<>();
        file.sources().stream().filter(hfCache::handles).forEach(s -> attempts.add(new Attempt(hfCache, s)));
        for (FileSource from : localOnly ? List.<FileSource>of() : file.sources()) {
            sources.stream().filter(s -> s.handles(from)).findFirst()
                    .ifPresent(s -> attempts.add(new Attempt(s, from)));
        }
        return attempts;
    }

    /**
     * True when the file is present with a hash record that agrees with the catalog, or (catalog pins no hash) with
     * the record of a file copied in by hand: no need to hash it again.
     */
    private boolean recordedOk(ModelEntry model, ModelFile file) {
        Path target = layout.file(model.id(), file.name());
        try {
            if (!Files.isRegularFile(target) || (file.sizeBytes() >= 0 && Files.size(target) != file.sizeBytes())) {
                return false;
            }
            String recorded = ShaRecord.read(layout.shaRecord(model.id(), file.name()));
            if (recorded == null && file.pinnedSha256().isEmpty()) {
                return ShaRecord.read(layout.unverifiedRecord(model.id(), file.name())) != null;
            }
            return recorded != null && file.pinnedSha256().map(recorded::equals).orElse(true);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Null when the cached file is good; otherwise why not. A file without a hash record (copied in by hand) is
     * hashed once and accepted when it matches the catalog. When the catalog pins no hash there is nothing to check it
     * against: it is used as it is, and its hash goes into the {@code .unverified} record, so that {@code models list}
     * and {@code verify} keep saying it was never verified.
     */
    private String checkLocal(ModelEntry model, ModelFile file) throws IOException {
        Path target = layout.file(model.id(), file.name());
        if (recordedOk(model, file)) {
            return null;
        }
        if (!Files.isRegularFile(target)) {
            return "not there";
        }
        String actual = Checksums.sha256(target);
        if (file.pinnedSha256().isEmpty()) {
            ShaRecord.write(layout.unverifiedRecord(model.id(), file.name()), actual, file.name());
            return null;
        }
        if (file.sha256().equals(actual)) {
            ShaRecord.write(layout.shaRecord(model.id(), file.name()), actual, file.name());
            return null;
        }
        return "present, but its SHA-256 is " + actual + ", not " + file.sha256() + " (will be replaced)";
    }

    private void commit(ModelEntry model, ModelFile file, Candidate candidate) throws SourceException, IOException {
        Path target = layout.file(model.id(), file.name());
        String actual = Checksums.sha256(candidate.file());
        SourceException problem = CandidateCheck.problem(file, candidate, actual);
        if (problem != null) {
            if (candidate.temporary()) {
                Files.deleteIfExists(candidate.file());
            }
            throw problem;
        }
        Path staged = candidate.temporary() ? candidate.file() : linkOrCopy(candidate.file(),
                layout.staging(model.id(), file.name()));
        ShaRecord.write(layout.shaRecord(model.id(), file.name()), actual, file.name());
        Files.deleteIfExists(layout.unverifiedRecord(model.id(), file.name()));
        AtomicFiles.moveIntoPlace(staged, target);
    }

    /** A hard link to someone else's file (no second copy of a gigabyte model); a copy across file systems. */
    private static Path linkOrCopy(Path source, Path staging) throws IOException {
        Files.deleteIfExists(staging);
        try {
            Files.createLink(staging, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, staging);
        }
        return staging;
    }

    private static void removeIfEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(FilePuller.class).debug("{} left in place", dir, e);
        }
    }
}
