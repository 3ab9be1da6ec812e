package dev.tagline.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read-only sub-folders of a writable dataset, found before a tag or caption job from the dataset page starts
 * (one check per folder, {@link Dataset#readOnlyFolders}): the job passes over their images, since their sidecars
 * cannot be written, instead of stopping at the first of them, and its message counts them ({@code "4 images in ro/
 * passed over: read-only."}). A folder below a read-only one is passed over with it. The CLI does not do this: there an
 * unwritable sidecar stops the run (docs/tag.md).
 *
 * @param images the folders (keys, {@code /}-separated) and how many of the dataset's images each holds, sub-folders
 *               included, in path order
 */
record ReadOnlyFolders(Path root, Map<String, Integer> images) {
    /** Those of {@code root}, from a scan of its images now. */
    static ReadOnlyFolders of(Path root) {
        List<Dataset.Item> items = new Dataset(root).items();
        List<String> folders = Dataset.readOnlyFolders(root, items);
        List<String> tops = folders.stream().filter(f -> folders.stream().noneMatch(o -> f.startsWith(o + "/")))
                .toList();
        Map<String, Integer> images = new LinkedHashMap<>();
        for (String top : tops) {
            images.put(top, (int) items.stream().filter(i -> i.path().startsWith(top + "/")).count());
        }
        return new ReadOnlyFolders(root, images);
    }

    /** The folders, as the scan's passed-over folders ({@link dev.tagline.core.batch.ScanOptions#excludedDirs}). */
    Set<Path> dirs() {
        return images.keySet().stream().map(root::resolve).collect(Collectors.toSet());
    }

    /** The job message's sentence on them, after a space; empty when there are none. */
    String note() {
        if (images.isEmpty()) {
            return "";
        }
        return " " + images.entrySet().stream().map(e -> e.getValue() + (e.getValue() == 1 ? " image" : " images")
                + " in " + e.getKey() + "/").collect(Collectors.joining(", ")) + " passed over: read-only (Tagline"
                + " cannot write sidecars there).";
    }
}
