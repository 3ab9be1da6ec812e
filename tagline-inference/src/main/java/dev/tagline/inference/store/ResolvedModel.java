package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A model available on local disk. {@code files} maps each file name to its path (insertion order = catalog order);
 * {@code dir} is the folder that holds them; {@code origin} says where they are ("cache", "--model-path").
 */
public record ResolvedModel(String id, Path dir, Map<String, Path> files, String origin) {
    public ResolvedModel {
        Objects.requireNonNull(id, "id");
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** The path of file {@code name}; an error naming the model and the files it has when there is none. */
    public Path file(String name) {
        Path path = files.get(name);
        if (path == null) {
            throw new TaglineException("Model " + id + " (" + dir + ") has no file " + name + "; it has "
                    + String.join(", ", files.keySet()), "Point --model-path at a folder that holds " + name + ".");
        }
        return path;
    }
}
