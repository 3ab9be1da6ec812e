package dev.tagline.core.batch;

import java.nio.file.Path;

/**
 * One file found by a scan. {@code key} is its path relative to the scanned root with {@code /} separators: stable
 * across machines, so journals, shards and reports use it.
 *
 * @param supported false for a file whose extension the job does not handle (reported, never opened)
 * @param size      bytes, when scanned
 * @param modified  last modification, epoch milliseconds, when scanned
 * @param sameStemAs for a supported file, the key of another supported file in the same folder with the same name
 *                  but for the extension ({@code same.jpg} for {@code same.png}, and {@code same.png} for
 *                  {@code same.jpg}): both would pair with one sidecar ({@code same.txt}); null when there is none
 * @param maskOf    for a OneTrainer mask ({@code a-masklabel.png} beside {@code a.jpg}, {@link OneTrainerMasks}), the
 *                  key of its image; such an entry is not {@code supported}: jobs pass it over, never open it as an
 *                  image. Null for every other file
 */
public record ScanEntry(Path path, String key, boolean supported, long size, long modified, String sameStemAs,
                        String maskOf) {
    public ScanEntry(Path path, String key, boolean supported, long size, long modified) {
        this(path, key, supported, size, modified, null, null);
    }

    public ScanEntry(Path path, String key, boolean supported, long size, long modified, String sameStemAs) {
        this(path, key, supported, size, modified, sameStemAs, null);
    }

    /** The lower-case extension without the dot, or empty. */
    public String extension() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Size and modification time: a file whose version changed since it was journaled is done again. */
    public String version() {
        return size + "@" + modified;
    }
}
