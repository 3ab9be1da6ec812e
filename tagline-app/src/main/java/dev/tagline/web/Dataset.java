package dev.tagline.web;

import dev.tagline.core.batch.BatchEngine;
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
 * A captioned image folder as the gallery sees it: each image with its caption and tag sidecars, by the folder's
 * {@link DatasetSidecars} ({@code .caption} and {@code .txt} by default; only a caption, in {@code .txt}, for a taggui
 * dataset). Edits go through the CLI's {@link SidecarWriter} (UTF-8, no trailing newline, atomic), overwriting; a
 * sidecar whose text the edit leaves as it is stays untouched.
 */
final class Dataset {
    /** The scan of {@code check}, {@code tag} and {@code caption} with their defaults. */
    private static final ScanOptions SCAN = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS);
    private final Path root;
    private final DatasetSidecars sidecars;
    private final SidecarWriter captions;
    private final SidecarWriter tags;

    Dataset(Path root) {
        this(root, DatasetSidecars.DEFAULTS);
    }

    Dataset(Path root, DatasetSidecars sidecars) {
        this.root = root;
        this.sidecars = sidecars;
        this.captions = new SidecarWriter(sidecars.captions().withExisting(SidecarSettings.Existing.OVERWRITE));
        this.tags = new SidecarWriter(sidecars.tags().withExisting(SidecarSettings.Existing.OVERWRITE));
    }

    DatasetSidecars sidecars() {
        return sidecars;
    }

    /**
     * True when Tagline cannot write sidecars here (a read-only mount, a folder without write permission): the test
     * tag and caption make before they start ({@link BatchEngine#requireWritableFolder}).
     */
    boolean readOnly() {
        return !Files.isWritable(root);
    }

    /** Refuses an edit of a read-only dataset before any file is touched ({@code what}: "Save", "a tag replace"). */
    private void requireWritable(String what) {
        if (readOnly()) {
            throw BatchEngine.readOnlyFolder(root.toString(), what);
        }
    }

    /**
     * What keeps Tagline from writing the sidecars of {@code image} (a file below the root) in a dataset it can
     * otherwise write: its folder (a read-only sub-folder: another user's, a read-only bind mount), or one of its
     * existing sidecars that is not writable; null when they can be written. The card says "read-only: viewing only"
     * and Save is refused, as for a read-only dataset.
     */
    Path unwritable(Path image) {
        Path folder = image.getParent();
        if (!Files.isWritable(folder)) {
            return folder;
        }
        for (Path sidecar : sidecars.captionsOnly() ? List.of(captions.sidecarFor(image))
                : List.of(captions.sidecarFor(image), tags.sidecarFor(image))) {
            if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(sidecar)) {
                return sidecar;
            }
        }
        return null;
    }

    /** {@link #unwritable} of the image of {@code key}. */
    Path unwritable(String key) {
        return unwritable(root.resolve(key));
    }

    /**
     * The sub-folders (keys, {@code /}-separated; {@code ""} never: that is {@link #readOnly}) of {@code items} that
     * Tagline cannot write, in order: the page names them above the cards.
     */
    static List<String> readOnlyFolders(Path root, List<Item> items) {
        java.util.Set<String> folders = new java.util.TreeSet<>();
        items.forEach(i -> folders.add(i.path().contains("/") ? i.path().substring(0, i.path().lastIndexOf('/'))
                : ""));
        folders.remove("");
        return folders.stream().filter(f -> !Files.isWritable(root.resolve(f))).toList();
    }

    /** Refuses an edit of {@code image} whose folder or sidecar cannot be written, before any file is touched. */
    private void requireWritable(Path image, String what) {
        Path blocked = unwritable(image);
        if (blocked == null) {
            return;
        }
        if (Files.isDirectory(blocked)) {
            throw BatchEngine.readOnlyFolder(blocked.toString(), what);
        }
        throw new dev.tagline.core.TaglineException(blocked + " is read-only, and " + what + " replaces it",
                "Give your user write permission on it (chmod u+w), or copy the dataset to a folder you can write to.");
    }

    record Item(String path, String caption, List<String> tags) {
    }

    /**
     * The images, found by the scan {@code check}, {@code tag} and {@code caption} use ({@link FolderScan} with their
     * extensions), so that the gallery holds what they work on: no hidden files or dot-folders ({@code .tagline}),
     * no folder set aside by {@code check --quarantine} ({@link ScanOptions#SET_ASIDE_MARKER}), no OneTrainer masks
     * beside their images ({@code a-masklabel.png} beside {@code a.jpg}), no symbolic links; and no rendered clip's
     * folder ({@link ClipLibrary#clipFolders}): its thumbnail is the clip's, not a dataset image.
     */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        new FolderScan(scan(root)).walk(root, entry -> {
            if (entry.supported()) {
                items.add(item(entry.key(), entry.path()));
            }
            return true;
        });
        return items;
    }

    /** Whether the folder holds one of {@link #items}' images at least; the scan stops at the first. */
    boolean hasImages() {
        return Files.isDirectory(root) && !new FolderScan(scan(root)).walk(root, entry -> !entry.supported());
    }

    /**
     * What {@code check} ends with about the folder's layout, from a scan of it now: the kohya notes (images loose
     * beside repeat folders, images in sub-folders of repeat folders) and the OneTrainer masks passed over. The kohya
     * counts are what kohya loads, as {@code check} counts them: an image the last check's {@code verdicts} (file →
     * verdict label, {@link CheckReportView#verdicts}) say no trainer loads (corrupt, unsupported…) is named apart,
     * not counted; when images the check has not judged are counted (none checked, or added since), a line says so.
     */
    List<String> scanNotes(Map<String, String> verdicts) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        dev.tagline.images.sidecar.KohyaFolders kohya = new dev.tagline.images.sidecar.KohyaFolders(root);
        List<String> unusable = new ArrayList<>();
        long[] counts = {0, 0}; // masks, images no check has judged
        new FolderScan(scan(root)).walk(root, entry -> {
            if (entry.maskOf() != null) {
                counts[0]++;
            } else if (entry.supported()) {
                kohya.add(entry.key());
                String verdict = verdicts.get(entry.key());
                if (verdict == null) {
                    counts[1]++;
                } else if (!trainable(verdict)) {
                    unusable.add(entry.key());
                }
            }
            return true;
        });
        List<String> out = new ArrayList<>(); // in check's order: the masks, then kohya's
        if (counts[0] > 0) {
            out.add(dev.tagline.core.batch.ScanNotes.masks(counts[0]));
        }
        List<String> notes = dev.tagline.images.check.CheckJob.notes(kohya.unusable(unusable));
        out.addAll(notes);
        if (!notes.isEmpty() && counts[1] > 0) {
            out.add(unchecked(counts[1], verdicts.isEmpty()));
        }
        return out;
    }

    /** Whether a report's verdict label is one a trainer loads; a label this Tagline does not know counts as one. */
    private static boolean trainable(String label) {
        return java.util.Arrays.stream(dev.tagline.images.load.Verdict.values())
                .noneMatch(v -> v.label().equals(label) && !v.trainable());
    }

    /** The line after kohya's notes when {@code n} images they count were not judged by a check. */
    static String unchecked(long n, boolean neverChecked) {
        return "kohya: these counts are unchecked for " + n + (n == 1 ? " image" : " images") + " ("
                + (neverChecked ? "the folder has not been checked" : "added since the last check")
                + "): files kohya cannot load (corrupt, unsupported) may be among them. A check counts only the"
                + " images kohya loads.";
    }

    /** The dataset scan of {@code dir}: the CLI's, passing over the folders of rendered clips. */
    static ScanOptions scan(Path dir) {
        return SCAN.withExcludedDirs(ClipLibrary.clipFolders(dir));
    }

    /**
     * Whether {@code image} (the real path of a file below the root, as {@link MediaRoutes#resolve} gives it) is one of
     * the dataset's: not in a folder set aside by {@code check --quarantine}, where the scan does not go, nor in a
     * rendered clip's folder (beside a {@code clip.json}). The gallery does not list such files, and their sidecars
     * are not edited.
     */
    boolean holds(Path image) throws IOException {
        Path top = root.toRealPath();
        if (Files.exists(image.getParent().resolve(dev.tagline.core.manifest.ClipManifests.FILE_NAME),
                LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
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

    private Item item(String key, Path image) {
        Path caption = captions.sidecarFor(image);
        Path tagFile = tags.sidecarFor(image);
        return new Item(key,
                Files.exists(caption) ? SidecarWriter.read(caption).strip() : "",
                !sidecars.captionsOnly() && Files.exists(tagFile) ? SidecarWriter.splitTags(SidecarWriter.read(tagFile))
                        : List.of());
    }

    /**
     * Replaces caption and tags of one image; an empty caption removes the caption sidecar. A sidecar whose text is
     * unchanged (the caption but for surrounding spaces, the tags as a list) is not written, so that a Save of a card
     * the user did not edit leaves its files as they were ({@code "  smile "} spacing included).
     */
    Item save(Path image, String caption, List<String> newTags) throws IOException {
        requireWritable("Save");
        requireWritable(image, "Save");
        Item before = item(key(image), image);
        String text = caption == null ? "" : caption.strip();
        if (!text.equals(before.caption())) {
            if (text.isEmpty()) {
                Files.deleteIfExists(captions.sidecarFor(image));
            } else {
                captions.write(image, text);
            }
        }
        if (!sidecars.captionsOnly() && !newTags.equals(before.tags())) {
            tags.write(image, String.join(", ", newTags));
        }
        return item(image);
    }

    /**
     * What a tag replace did: {@code changed} tag files written, and the images it left as they are because Tagline
     * cannot write there, by what blocks them ({@code "ro/"}: a read-only sub-folder, with the count of its images
     * that hold the tag; {@code "set/a.txt"}: a read-only sidecar, 1), in path order.
     */
    record Replaced(int changed, Map<String, Integer> readOnly) {
    }

    /**
     * Replaces tag {@code find} with {@code replacement} (or removes it when blank) in every tag file that can be
     * written. The images in a read-only sub-folder, or with a read-only tag file, are found before any file is
     * written and left as they are ({@link Replaced#readOnly}): the page says so, as it says that the rest of the
     * dataset can be edited. A read-only dataset is refused whole.
     */
    Replaced replaceTag(String find, String replacement) throws IOException {
        if (sidecars.captionsOnly()) {
            throw new dev.tagline.core.TaglineException("This folder has no tag files: its captions are in "
                    + sidecars.captionExtension(), "Give the tags their own file (serve --tags-extension NAME=.tags)"
                    + " to replace tags across it.");
        }
        requireWritable("a tag replace");
        List<Item> hits = items().stream().filter(i -> i.tags().stream().anyMatch(t -> t.equalsIgnoreCase(
                find.strip()))).toList();
        Map<String, Integer> readOnly = new java.util.TreeMap<>();
        List<Item> writable = new ArrayList<>();
        for (Item item : hits) { // checked before any write: a read-only folder is passed over, not stopped at
            Path blocked = unwritable(root.resolve(item.path()));
            if (blocked == null) {
                writable.add(item);
            } else {
                readOnly.merge(key(blocked) + (Files.isDirectory(blocked) ? "/" : ""), 1, Integer::sum);
            }
        }
        int changed = 0;
        for (Item item : writable) {
            List<String> next = new ArrayList<>();
            for (String t : item.tags()) {
                if (t.equalsIgnoreCase(find.strip())) {
                    if (replacement != null && !replacement.isBlank() && !next.contains(replacement.strip())) {
                        next.add(replacement.strip());
                    }
                } else if (!next.contains(t)) {
                    next.add(t);
                }
            }
            tags.write(root.resolve(item.path()), String.join(", ", next));
            changed++;
        }
        return new Replaced(changed, readOnly);
    }

    /**
     * The page's line on {@link Replaced#readOnly}, one entry {@code "ro/=4"} or {@code "set/a.txt=1"} each:
     * {@code "4 images in ro/ left as they are: read-only."}; empty for none.
     */
    static String readOnlyLine(List<String> entries) {
        List<String> parts = new ArrayList<>();
        for (String entry : entries) {
            int at = entry.lastIndexOf('=');
            if (at <= 0 || !entry.substring(at + 1).matches("[0-9]{1,9}")) {
                continue;
            }
            String what = entry.substring(0, at);
            int n = Integer.parseInt(entry.substring(at + 1));
            parts.add(what.endsWith("/") ? n + (n == 1 ? " image in " + what + " left as it is"
                    : " images in " + what + " left as they are") : what + " left as it is");
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + ": read-only.";
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
