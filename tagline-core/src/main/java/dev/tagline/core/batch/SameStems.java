package dev.tagline.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The supported files of one folder that share a stem ({@code a.b} of {@code a.b.jpg}) with another: both are marked
 * ({@link ScanEntry#sameStemAs}), each with another's name (the first of them, or for the first the next), so that
 * neither writes the sidecar they would share. The first in name order is not the owner of a sidecar already there
 * (same.png tagged before same.jpg was added): writing it would destroy the other's text. {@link FolderScan} asks
 * {@link #other} over the sorted listing it holds anyway (names with the stem {@code s} all start with {@code s.}, so
 * they sit in one run of it: no memory of its own; a map of the listing took 100,000 files past ScanHeapIT's
 * 256 MiB); a run that lists files another way (Spark's file index) uses {@link #of}.
 */
public final class SameStems {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SameStems.class);

    private SameStems() {
    }

    /**
     * The name of another supported file with the stem of name {@code i}, or null; {@code nameAt} gives the
     * {@code count} names of one folder sorted by {@link String#compareTo}, {@code extensions} the supported ones
     * (lower case, without the dot).
     */
    static String other(IntFunction<String> nameAt, int count, int i, Set<String> extensions) {
        String stem = stem(nameAt.apply(i));
        String prefix = stem + ".";
        String first = null;
        for (int j = i - 1; j >= 0 && nameAt.apply(j).startsWith(prefix); j--) {
            if (sameStem(nameAt.apply(j), stem, extensions)) {
                first = nameAt.apply(j); // the earliest wins: keep looking back
            }
        }
        for (int j = i + 1; first == null && j < count && nameAt.apply(j).startsWith(prefix); j++) {
            if (sameStem(nameAt.apply(j), stem, extensions)) {
                first = nameAt.apply(j);
            }
        }
        return first;
    }

    /**
     * For files listed other than by a walk: each key ({@code sub/same.png}, {@code /} between folders) of a supported
     * file whose folder holds another supported file with its stem, mapped to that file's key as
     * {@link FolderScan} would mark it; keys of other files are absent.
     */
    public static Map<String, String> of(Collection<String> keys, Set<String> extensions) {
        return FolderKeys.pairs(keys, (nameAt, count, i) -> extensions.contains(FolderScan.extension(nameAt.apply(i)))
                ? other(nameAt, count, i, extensions) : null);
    }

    /**
     * Finds the images beside an image that share its stem, as they are on disk now, so that what moves or deletes an
     * image leaves its sidecars and masks to such a twin that stays ({@code check --quarantine}: a duplicate
     * {@code same.png} goes, {@code same.txt} stays with {@code same.jpg}). Each folder is listed once while its images
     * come in a row, as a journal replays them in scan order, and only its stems with more than one image are kept.
     * Not thread-safe.
     */
    public static final class Finder {
        private final Set<String> extensions;
        private Path folder;
        private Map<String, List<String>> shared = Map.of();

        /** {@code extensions}: the supported ones, lower case without the dot. */
        public Finder(Set<String> extensions) {
            this.extensions = Set.copyOf(extensions);
        }

        /** The other supported files with {@code image}'s stem that are in its folder now, sorted by name. */
        public List<Path> besides(Path image) {
            Path dir = image.toAbsolutePath().getParent();
            if (!dir.equals(folder)) {
                shared = stems(dir);
                folder = dir;
            }
            String name = image.getFileName().toString();
            List<Path> found = new ArrayList<>();
            for (String other : shared.getOrDefault(stem(name), List.of())) {
                if (!other.equals(name) && Files.isRegularFile(dir.resolve(other))) {
                    found.add(dir.resolve(other));
                }
            }
            return found;
        }

        /** Stem → the names of {@code dir}'s supported files with it, for stems of two or more; none if unlisted. */
        private Map<String, List<String>> stems(Path dir) {
            Map<String, List<String>> byStem = new HashMap<>();
            try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(".") && extensions.contains(FolderScan.extension(name))) {
                        byStem.computeIfAbsent(stem(name), k -> new ArrayList<>(1)).add(name);
                    }
                }
            } catch (java.io.IOException e) {
                // the image's own move or deletion in this folder fails next and says why
                LOG.debug("Cannot list {} for images of the same stem: {}", dir, e.toString());
            }
            byStem.values().removeIf(names -> names.size() < 2);
            byStem.values().forEach(names -> names.sort(null));
            return byStem;
        }
    }

    private static boolean sameStem(String name, String stem, Set<String> extensions) {
        return !name.startsWith(".") && stem(name).equals(stem) && extensions.contains(FolderScan.extension(name));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
