package dev.tagline.inference.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a catalog model: its name in the model's cache folder, its SHA-256 and size in bytes when the catalog
 * pins them ({@code sizeBytes < 0}: unknown), and its sources in the order they are tried. A Hugging Face file without
 * a pinned SHA-256 is verified against the hash the Hub sends with it.
 */
public record ModelFile(String name, String sha256, long sizeBytes, List<FileSource> sources) {
    public ModelFile {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
    }

    public Optional<String> pinnedSha256() {
        return Optional.ofNullable(sha256);
    }

    /** The Hugging Face source of this file, if it has one (used to look into an existing Hugging Face cache). */
    public Optional<FileSource.HubFile> hubSource() {
        return sources.stream().filter(FileSource.HubFile.class::isInstance).map(FileSource.HubFile.class::cast)
                .findFirst();
    }
}
