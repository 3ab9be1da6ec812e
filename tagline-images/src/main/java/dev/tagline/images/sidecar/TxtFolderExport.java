package dev.tagline.images.sidecar;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dogfood round 8 K12: the layout taggui, OneTrainer and ai-toolkit read, one {@code NAME.txt} beside each image, as a
 * copy of the folder in {@code outDir} (never beside the originals, where {@code NAME.txt} is usually the tag sidecar):
 * each image hard-linked (copied where the file system cannot link), its text written atomically. Nothing in
 * {@code outDir} that would change is replaced without {@code overwrite}: the check runs before the first write. Holds
 * the exported texts in memory until they are written (a few hundred bytes an image).
 */
public final class TxtFolderExport {
    /** What each {@code NAME.txt} holds; the other sidecar stands in where the chosen one is missing. */
    public enum Text {
        CAPTION, TAGS, CAPTION_AND_TAGS;

        public static Text parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "caption" -> CAPTION;
                case "tags" -> TAGS;
                case "caption+tags" -> CAPTION_AND_TAGS;
                default -> throw new TaglineException("Invalid --text '" + text + "'",
                        "Use caption (the caption, or the tags where there is none), tags, or caption+tags.");
            };
        }
    }

    private record Item(Path image, Path rel, String text) {
    }

    private final ExportRows rows;
    private final Text text;
    private final boolean overwrite;

    TxtFolderExport(ExportRows rows, Text text, boolean overwrite) {
        this.rows = rows;
        this.text = text;
        this.overwrite = overwrite;
    }

    DatasetExport.Summary export(Path root, Path outDir, Map<String, String> where) {
        Path out = outDir.toAbsolutePath().normalize();
        if (out.startsWith(root.toAbsolutePath().normalize())) {
            throw new TaglineException("--out " + outDir + " is inside " + root + ": the copies would be taken for"
                    + " images of the dataset by the next export, tag or caption",
                    "Choose a folder outside " + root + ", e.g. --out " + root.toAbsolutePath().normalize()
                            .resolveSibling(root.toAbsolutePath().normalize().getFileName() + "-txt") + ".");
        }
        List<Item> items = new ArrayList<>();
        rows.each(root, where, (rel, img, caption, tags) -> items.add(new Item(img, Path.of(rel), text(caption,
                tags))));
        if (items.isEmpty()) {
            return new DatasetExport.Summary(0, rows.uncaptioned, rows.filtered);
        }
        refuseChanges(items, out);
        long[] placed = new long[3]; // linked, copied, already there
        for (Item item : items) {
            Path image = out.resolve(item.rel().toString());
            try {
                Files.createDirectories(image.getParent());
                placed[place(item.image(), image)]++;
            } catch (IOException e) {
                throw new TaglineException("Cannot write " + image + ": " + e.getMessage(),
                        AtomicFiles.hintFor(e, image.getParent()), e);
            }
            Path txt = txt(image);
            if (!sameText(txt, item.text())) {
                AtomicFiles.writeString(txt, item.text());
            }
        }
        return new DatasetExport.Summary(rows.exported, rows.uncaptioned, rows.filtered, List.of(),
                notes(placed, outDir));
    }

    private String text(String caption, String tags) {
        return switch (text) {
            case CAPTION -> caption != null ? caption : tags;
            case TAGS -> tags != null ? tags : caption;
            case CAPTION_AND_TAGS -> caption == null ? tags : tags == null ? caption
                    : SidecarWriter.followedByKeywords(caption, tags);
        };
    }

    /** Throws, before anything is written, when an image or text in {@code out} differs and may not be replaced. */
    private void refuseChanges(List<Item> items, Path out) {
        if (overwrite) {
            return;
        }
        List<String> changed = new ArrayList<>();
        for (Item item : items) {
            Path image = out.resolve(item.rel().toString());
            if (Files.exists(image) && !sameFile(item.image(), image)) {
                changed.add(item.rel().toString());
            }
            Path txt = txt(image);
            if (Files.exists(txt) && !sameText(txt, item.text())) {
                changed.add(out.relativize(txt).toString());
            }
        }
        if (!changed.isEmpty()) {
            throw new TaglineException(ExportRows.count(changed.size(), "file") + " in " + out + " would be replaced ("
                    + String.join(", ", changed.subList(0, Math.min(3, changed.size())))
                    + (changed.size() > 3 ? ", …" : "") + "); nothing was written",
                    "Pass --overwrite to replace them, or choose an empty --out folder.");
        }
    }

    /** Places {@code source} at {@code target}: 0 hard-linked, 1 copied, 2 already there. Atomic either way. */
    private static int place(Path source, Path target) throws IOException {
        if (Files.exists(target) && sameFile(source, target)) {
            return 2;
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-link");
        Files.deleteIfExists(tmp); // our own leftover of a crashed run (AtomicFiles.isTemporary names it so)
        int how;
        try {
            Files.createLink(tmp, source);
            how = 0;
        } catch (UnsupportedOperationException | FileSystemException e) { // another file system, or no links there
            Files.copy(source, tmp);
            how = 1;
        }
        AtomicFiles.moveIntoPlace(tmp, target);
        return how;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b) || Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false; // unreadable: treated as different, so it is named rather than replaced
        }
    }

    private static boolean sameText(Path txt, String text) {
        try {
            return Files.isRegularFile(txt) && Files.readString(txt, StandardCharsets.UTF_8).equals(text);
        } catch (IOException e) {
            return false; // not UTF-8 or unreadable: a different file, named rather than replaced
        }
    }

    private static Path txt(Path image) {
        return image.resolveSibling(ExportRows.stem(image.getFileName().toString()) + ".txt");
    }

    private List<String> notes(long[] placed, Path outDir) {
        List<String> notes = new ArrayList<>();
        long fallback = text == Text.CAPTION ? rows.withoutCaption : text == Text.TAGS ? rows.withoutTags : 0;
        if (fallback > 0) {
            String their = fallback == 1 ? " has no %s: its .txt holds the %s" : " have no %s: their .txt holds the %s";
            notes.add(ExportRows.count(fallback, "image") + String.format(their, text == Text.CAPTION ? "caption"
                    : "tags", text == Text.CAPTION ? "tags" : "caption"));
        }
        rows.multiLineNote().ifPresent(notes::add);
        if (placed[0] > 0) {
            notes.add(ExportRows.count(placed[0], "image") + " in " + outDir + (placed[0] == 1 ? " is a hard link"
                    : " are hard links") + " to the original (no extra disk space; an edit to one is an edit to"
                    + " both)" + (placed[1] > 0 ? "; " + placed[1] + " copied" : "") + ".");
        } else if (placed[1] > 0) {
            notes.add(ExportRows.count(placed[1], "image") + " copied into " + outDir + ".");
        }
        return notes;
    }
}
