package dev.tagline.web;

import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A captioned image folder as the gallery sees it: each image with its {@code .caption} and {@code .txt} tag
 * sidecars. Edits go through the CLI's {@link SidecarWriter} (UTF-8, no trailing newline, atomic), overwriting.
 */
final class Dataset {
    static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "webp", "bmp", "gif", "tif", "tiff");
    private static final SidecarWriter CAPTIONS = new SidecarWriter(SidecarSettings.captions()
            .withExisting(SidecarSettings.Existing.OVERWRITE));
    private static final SidecarWriter TAGS = new SidecarWriter(SidecarSettings.tags()
            .withExisting(SidecarSettings.Existing.OVERWRITE));
    private final Path root;

    Dataset(Path root) {
        this.root = root;
    }

    record Item(String path, String caption, List<String> tags) {
    }

    /** Files under a dot-folder (.tagline: journals, the check quarantine, originals) are not part of the set. */
    private boolean visible(Path file) {
        return !MediaRoutes.hidden(root.relativize(file));
    }

    /** The images, without the OneTrainer masks beside them ({@code a-masklabel.png} beside {@code a.jpg}). */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 8)) {
            List<Path> images = files.filter(Files::isRegularFile).filter(Dataset::isImage).filter(this::visible)
                    .sorted().toList();
            Set<String> masks = OneTrainerMasks.of(images.stream().map(this::key).toList(), IMAGES).keySet();
            for (Path p : images) {
                if (!masks.contains(key(p))) {
                    items.add(item(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private String key(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    Item item(Path image) {
        Path caption = CAPTIONS.sidecarFor(image);
        Path tags = TAGS.sidecarFor(image);
        return new Item(key(image),
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
        return IMAGES.contains(n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }
}
