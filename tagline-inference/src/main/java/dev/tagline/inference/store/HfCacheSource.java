package dev.tagline.inference.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reuses a file someone already downloaded with huggingface_hub. Layout (huggingface_hub {@code file_download.py}):
 * {@code models--<org>--<name>/refs/<revision>} holds the commit hash, {@code snapshots/<commit>/<path>} is a symlink
 * to {@code blobs/<etag>}, where the etag of an LFS file is its SHA-256 and that of a git-stored file its git blob
 * SHA-1. The blob name is passed on as the hash the cache vouches for; the store re-hashes the file either way.
 */
final class HfCacheSource implements ModelSource {
    private final Path hubCache;

    HfCacheSource(Path hubCache) {
        this.hubCache = hubCache;
    }

    /** The Hugging Face cache folder ({@code …/huggingface/hub}) this source reads. */
    Path hubCache() {
        return hubCache;
    }

    @Override
    public boolean handles(FileSource source) {
        return source instanceof FileSource.HubFile;
    }

    @Override
    public String describe(FileSource source) {
        return "Hugging Face cache " + repoDir((FileSource.HubFile) source);
    }

    @Override
    public Candidate fetch(ModelEntry model, ModelFile file, FileSource source, Path staging)
            throws SourceException {
        FileSource.HubFile hub = (FileSource.HubFile) source;
        try {
            Path snapshot = locate(hub).orElse(null);
            if (snapshot == null) {
                return notThere();
            }
            String blob = snapshot.toRealPath().getFileName().toString();
            boolean isSha256 = Checksums.SHA256_HEX.matcher(blob).matches();
            boolean isSha1 = Checksums.SHA1_HEX.matcher(blob).matches();
            return new Candidate(snapshot.toRealPath(), false, isSha256 ? blob : null, isSha1 ? blob : null,
                    Candidate.Kind.HF_CACHE, hub.repo());
        } catch (IOException e) {
            throw new SourceException("unreadable: " + e.getMessage(), "", e);
        }
    }

    /**
     * The snapshot file of {@code hub} at its revision ({@code refs/<revision>} → {@code snapshots/<commit>/<path>}),
     * when the cache holds it; nothing is hashed.
     *
     * @throws SourceException when the repository folder is there but has no such ref
     */
    Optional<Path> locate(FileSource.HubFile hub) throws SourceException, IOException {
        Path repoDir = repoDir(hub);
        if (!Files.isDirectory(repoDir)) {
            return Optional.empty();
        }
        String commit = Checksums.SHA1_HEX.matcher(hub.revision()).matches() ? hub.revision()
                : readRef(repoDir.resolve("refs").resolve(hub.revision()));
        if (commit == null) {
            throw new SourceException("no refs/" + hub.revision() + " in it", "");
        }
        Path snapshot = repoDir.resolve("snapshots").resolve(commit).resolve(hub.path());
        return Files.isRegularFile(snapshot) ? Optional.of(snapshot) : Optional.empty();
    }

    /** {@link #locate} for a listing: empty also when the cache cannot be read. */
    Optional<Path> present(FileSource.HubFile hub) {
        try {
            return locate(hub);
        } catch (SourceException | IOException e) {
            return Optional.empty();
        }
    }

    private static Candidate notThere() throws SourceException {
        throw new SourceException("not there", "");
    }

    Path repoDir(FileSource.HubFile hub) {
        return hubCache.resolve("models--" + hub.repo().replace("/", "--"));
    }

    private static String readRef(Path ref) throws IOException {
        return Files.isRegularFile(ref) ? Files.readString(ref, StandardCharsets.US_ASCII).strip() : null;
    }
}
