package dev.tagline.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * OneTrainer's masks for masked training: {@code NAME-masklabel.png} beside the image {@code NAME.jpg} (OneTrainer
 * reads the image's path without its extension plus {@code -masklabel.png}). Such a file is part of its image, not
 * an image of the dataset: the scan marks it ({@link ScanEntry#maskOf}) so that no job tags, captions or checks it
 * as one, and {@code check --quarantine} moves it with its image. A {@code -masklabel} file without an image of that
 * stem in its folder is an ordinary image. {@link FolderScan} asks {@link #imageOf} over the sorted listing it holds
 * anyway (as {@link SameStems} does); a run that lists files another way (Spark's file index) uses {@link #of}.
 */
public final class OneTrainerMasks {
    /** What OneTrainer adds to the image's stem (its {@code -masklabel.png}), as OneTrainer matches it: case kept. */
    public static final String SUFFIX = "-masklabel";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OneTrainerMasks.class);

    private OneTrainerMasks() {
    }

    /** Why a job passes over the mask of {@code imageKey}: {@code OneTrainer mask of photo.jpg}. */
    public static String reason(String imageKey) {
        return "OneTrainer mask of " + imageKey.substring(imageKey.lastIndexOf('/') + 1);
    }

    /**
     * The stem of the image that {@code name} would be the mask of ({@code a} for {@code a-masklabel.png}), or null
     * when {@code name} is not named like a mask, or its extension is not one of {@code extensions} (lower case,
     * without the dot).
     */
    static String imageStem(String name, Set<String> extensions) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int start = dot - SUFFIX.length();
        return start > 0 && name.startsWith(SUFFIX, start) ? name.substring(0, start) : null;
    }

    /**
     * The name of the image that name {@code i} is the mask of, or null; {@code nameAt} gives the {@code count} names
     * of one folder sorted by {@link String#compareTo}, {@code extensions} the supported ones (lower case, without
     * the dot). The names with the stem {@code s} all start with {@code s.}, so one binary search finds them.
     */
    static String imageOf(IntFunction<String> nameAt, int count, int i, Set<String> extensions) {
        String stem = imageStem(nameAt.apply(i), extensions);
        if (stem == null) {
            return null;
        }
        String prefix = stem + ".";
        int low = 0;
        int high = count;
        while (low < high) { // the first name not before the prefix
            int mid = (low + high) >>> 1;
            if (nameAt.apply(mid).compareTo(prefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int j = low; j < count && nameAt.apply(j).startsWith(prefix); j++) {
            String name = nameAt.apply(j);
            if (name.lastIndexOf('.') == stem.length() && extensions.contains(FolderScan.extension(name))) {
                return name;
            }
        }
        return null;
    }

    /**
     * Finds the masks beside images ({@code STEM-masklabel.EXT} for each of the extensions, in any case:
     * {@code x-masklabel.Png} is marked by the scan, so it must move with {@code x.jpg}), so that what moves or deletes
     * an image takes them along. Each folder is listed once while its images come in a row, as a journal replays them
     * in scan order, and only its names with {@link #SUFFIX} are kept. Not thread-safe.
     */
    public static final class Finder {
        private final Set<String> extensions;
        private Path folder;
        private List<String> masks = List.of();

        /** {@code extensions}: the supported ones, lower case without the dot. */
        public Finder(Set<String> extensions) {
            this.extensions = Set.copyOf(extensions);
        }

        /** The masks of {@code image} that are in its folder now, sorted by name. */
        public List<Path> besides(Path image) {
            Path dir = image.toAbsolutePath().getParent();
            if (!dir.equals(folder)) {
                masks = maskNames(dir);
                folder = dir;
            }
            String name = image.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String prefix = (dot <= 0 ? name : name.substring(0, dot)) + SUFFIX + ".";
            List<Path> found = new ArrayList<>();
            for (String mask : masks) {
                String ext = mask.substring(Math.min(prefix.length(), mask.length()));
                if (mask.startsWith(prefix) && extensions.contains(ext.toLowerCase(Locale.ROOT))
                        && Files.isRegularFile(dir.resolve(mask))) {
                    found.add(dir.resolve(mask));
                }
            }
            return found;
        }

        /** The names in {@code dir} that hold {@link #SUFFIX}, sorted; none when it cannot be listed. */
        private static List<String> maskNames(Path dir) {
            List<String> names = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    if (name.contains(SUFFIX + ".")) {
                        names.add(name);
                    }
                }
            } catch (java.io.IOException e) {
                // the image's own move or deletion in this folder fails next and says why
                LOG.debug("Cannot list {} for OneTrainer masks: {}", dir, e.toString());
            }
            names.sort(null);
            return names;
        }
    }

    /**
     * For files listed other than by a walk: each key ({@code sub/a-masklabel.png}, {@code /} between folders) of a
     * mask whose image is in its folder, mapped to the image's key as {@link FolderScan} would mark it; keys of other
     * files are absent.
     */
    public static Map<String, String> of(Collection<String> keys, Set<String> extensions) {
        return FolderKeys.pairs(keys, (nameAt, count, i) -> imageOf(nameAt, count, i, extensions));
    }
}
