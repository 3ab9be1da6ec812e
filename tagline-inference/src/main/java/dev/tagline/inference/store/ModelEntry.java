package dev.tagline.inference.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model the catalog knows by {@code id}: what it is for, its licence, and the files it is made of. */
public record ModelEntry(String id, String description, String task, String licence, List<ModelFile> files) {
    public ModelEntry {
        Objects.requireNonNull(id, "id");
        files = List.copyOf(files);
    }

    /** Sum of the known file sizes in bytes; negative when any size is unknown. */
    public long totalSizeBytes() {
        long total = 0;
        for (ModelFile file : files) {
            if (file.sizeBytes() < 0) {
                return -1;
            }
            total += file.sizeBytes();
        }
        return total;
    }

    public Optional<ModelFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
