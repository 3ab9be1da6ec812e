package dev.tagline.web;

import dev.tagline.core.batch.FolderScan;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A captioned image folder as the gallery sees it: each image with its {@code .caption} and {@code .txt} tag
 * sidecars. Edits go through the CLI's {@link SidecarWriter} (UTF-8, no trailing newline, atomic), overwriting.
 */
final class Dataset {
    private static final SidecarWriter CAPTIONS = new SidecarWriter(SidecarSettings.captions()
            .withExisting(SidecarSettings.Existing.OVERWRITE));
    private static final SidecarWriter TAGS = new SidecarWriter(SidecarSettings.tags()
            .withExisting(SidecarSettings.Existing.OVERWRITE));
    /** The scan of {@code check}, {@code tag} and {@code caption} with their defaults. */
    private static final ScanOptions SCAN = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS);
    private final Path root;

    Dataset(Path root) {
        this.root = root;
    }

    record Item(String path, String caption, List<String> tags) {
    }

    /**
     * The images, found by the scan {@code check}, {@code tag} and {@code caption} use ({@link FolderScan} with their
     * extensions), so that the gallery holds what they work on: no hidden files or dot-folders ({@code .tagline}),
     * no folder set aside by {@code check --quarantine} ({@link ScanOptions#SET_ASIDE_MARKER}), no OneTrainer masks
     * beside their images ({@code a-masklabel.png} beside {@code a.jpg}), no symbolic links.
     */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        new FolderScan(SCAN).walk(root, entry -> {
            if (entry.supported()) {
                items.add(item(entry.key(), entry.path()));
            }
            return true;
        });
        return items;
    }

    /**
     * Whether {@code image} (the real path of a file below the root, as {@link MediaRoutes#resolve} gives it) is not in
     * a folder set aside by {@code check --quarantine}, where the scan does not go. The gallery does not list such
     * files, and their sidecars are not edited.
     */
    boolean holds(Path image) throws IOException {
        Path top = root.toRealPath();
        for (Path dir = image.getParent(); dir != null && dir.startsWith(top);
             dir = dir.getParent()) {
            if (Files.exists(dir.resolve(ScanOptions.SET_ASIDE_MARKER), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    private String key(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    Item item(Path image) {
        return item(key(image), image);
    }

    private static Item item(String key, Path image) {
        Path caption = CAPTIONS.sidecarFor(image);
        Path tags = TAGS.sidecarFor(image);
        return new Item(key,
                Files.exists(caption) ? SidecarWriter.read(caption).strip() : "",
                Files.exists(tags) ? SidecarWriter.splitTags(SidecarWriter.read(tags)) : List.of());
    }

    /** Replaces caption and tags of one image; an empty caption removes the caption sidecar. */
    Item save(Path image, String caption, List<String> tags) throws IOException {
        if (caption == null || caption.isBlank()) {
            Files.deleteIfExists(CAPTIONS.sidecarFor(image));
        } else {
            CAPTIONS.write(image, caption);
        }
        TAGS.write(image, String.join(", ", tags));
        return item(image);
    }

    /** Replaces tag {@code find} with {@code replacement} (or removes it when blank) in every tag file; returns the count. */
    int replaceTag(String find, String replacement) throws IOException {
        int changed = 0;
        for (Item item : items()) {
            List<String> next = new ArrayList<>();
            boolean hit = false;
            for (String t : item.tags()) {
                if (t.equalsIgnoreCase(find.strip())) {
                    hit = true;
                    if (replacement != null && !replacement.isBlank() && !next.contains(replacement.strip())) {
                        next.add(replacement.strip());
                    }
                } else if (!next.contains(t)) {
                    next.add(t);
                }
            }
            if (hit) {
                TAGS.write(root.resolve(item.path()), String.join(", ", next));
                changed++;
            }
        }
        return changed;
    }

    static Map<String, Integer> frequencies(List<Item> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach(i -> i.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        return ImageFormat.EXTENSIONS.contains(n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }
}
