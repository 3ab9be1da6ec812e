package dev.tagline.publish.store;

import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parsed {@code clip.json} files by path, each kept while the file's size and modification time stay what they were
 * when it was parsed, so showing thousands of posts that follow their clips costs a {@code stat} per clip, not a parse.
 * The file is stat'ed before it is read, so a file changed meanwhile is parsed again next time. At most
 * {@code capacity} files are kept, least recently used out first. Thread-safe: the web server's requests share one.
 */
public final class ClipManifestCache {
    /** Files kept by default: a few thousand clips with unsent posts, a few MiB of memory. */
    public static final int DEFAULT_CAPACITY = 4096;
    private final Map<Path, Entry> entries;
    private final AtomicLong parses = new AtomicLong();

    public ClipManifestCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Entry(long size, FileTime modified, ClipManifest manifest) {
    }

    /** A manifest, and whether it was parsed now ({@code parsed}) or is the one kept since the file last changed. */
    public record Read(ClipManifest manifest, boolean parsed) {
    }

    /** {@code file}'s manifest as it is now; throws as {@link ClipManifests#read} does when it cannot be read. */
    public Read read(Path file) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) { // gone or unreadable: forget it, and let the reader say why in its own words
            synchronized (this) {
                entries.remove(file);
            }
            return new Read(parse(file), true);
        }
        synchronized (this) {
            Entry kept = entries.get(file);
            if (kept != null && kept.size() == now.size() && kept.modified().equals(now.lastModifiedTime())) {
                return new Read(kept.manifest(), false);
            }
        }
        ClipManifest manifest = parse(file);
        synchronized (this) {
            entries.put(file, new Entry(now.size(), now.lastModifiedTime(), manifest));
        }
        return new Read(manifest, true);
    }

    /** How many times a file was parsed (not taken from the cache) since this cache was made. */
    public long parses() {
        return parses.get();
    }

    private ClipManifest parse(Path file) {
        parses.incrementAndGet();
        return ClipManifests.read(file);
    }
}
