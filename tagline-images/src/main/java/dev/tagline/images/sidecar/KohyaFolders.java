package dev.tagline.images.sidecar;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the images of a folder lie, for what kohya's sd-scripts will not read of them: the notes of {@code check} and
 * {@code export --format kohya}. Fed the images' keys (paths below the folder, {@code /}-separated); keeps one count
 * per folder, not the keys. Checked against kohya-ss/sd-scripts (library/config_util.py, library/train_util.py):
 * <ul>
 * <li>DreamBooth-style training ({@code train_data_dir} without {@code in_json}):
 * {@code generate_dreambooth_subsets_config_by_subdirs} takes each direct sub-folder of {@code train_data_dir} whose
 * name is {@code N} or {@code N_name} ({@code int(name.split("_")[0])}, at least 1) as one set, and
 * {@code load_dreambooth_dir} lists it with {@code glob_images(subset.image_dir, "*")}: that one folder, not its
 * sub-folders. An image in {@code 10_x/sub/} is never read, and nothing says so; nor is one directly in
 * {@code train_data_dir} beside the repeat folders, which is no set at all.</li>
 * <li>Fine-tuning ({@code in_json} / {@code metadata_file}, what {@code meta_cap.json} is for):
 * {@code FineTuningDataset} takes a key that is not an existing path as {@code glob_images(subset.image_dir, key)},
 * i.e. {@code train_data_dir/KEY.*} in that one folder (or {@code KEY.npz} there), and otherwise stops at
 * {@code assert abs_path is not None, "no image / 画像がありません: KEY"}. A stem key of an image in any sub-folder is
 * not found; a full-path key ({@code --full-path}) always is.</li>
 * </ul>
 */
public final class KohyaFolders {
    /** A kohya repeat folder: {@code 10_x}, {@code 3}; sd-scripts reads the repeats as {@code int(name.split("_")[0])}. */
    private static final Pattern REPEAT = Pattern.compile("([0-9]{1,9})(_.*)?");
    private static final int NAMED = 5;
    private final String rootName;
    private final boolean rootIsRepeatFolder;
    /** Folder below the root ({@code ""} for the root itself) → images in it (a trainer loads them all). */
    private final Map<String, Long> folders = new TreeMap<>();
    /** The same → files with an image's extension there that a check found no trainer loads ({@link #unusable}). */
    private final Map<String, Long> unusable = new TreeMap<>();

    public KohyaFolders(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        this.rootName = name == null ? root.toString() : name.toString();
        this.rootIsRepeatFolder = isRepeatFolder(rootName);
    }

    private KohyaFolders(KohyaFolders of) {
        this.rootName = of.rootName;
        this.rootIsRepeatFolder = of.rootIsRepeatFolder;
        this.folders.putAll(of.folders);
        this.unusable.putAll(of.unusable);
    }

    /**
     * These counts without the images of {@code keys} (moved or deleted since they were added: {@code check
     * --quarantine}), so that the notes describe the folder as it is now; a key never added changes nothing.
     */
    public KohyaFolders without(java.util.Collection<String> keys) {
        KohyaFolders left = new KohyaFolders(this);
        for (String key : keys) {
            left.folders.computeIfPresent(folderOf(key), (f, n) -> n > 1 ? n - 1 : null);
        }
        return left;
    }

    /**
     * These counts with the images of {@code keys} moved out of the image counts into the unusable ones: files with an
     * image's extension that kohya cannot load (corrupt, truncated, a text file named {@code .jpg}, an unsupported
     * format; {@link dev.tagline.images.load.Verdict#trainable}). The notes count only what kohya trains on, and say
     * how many files they leave out ({@code 10_x (4 images, 1 unusable file not counted)}); a key never added changes
     * nothing.
     */
    public KohyaFolders unusable(java.util.Collection<String> keys) {
        KohyaFolders left = new KohyaFolders(this);
        for (String key : keys) {
            String folder = folderOf(key);
            Long n = left.folders.get(folder);
            if (n != null && n > 0) {
                left.folders.put(folder, n - 1);
                left.unusable.merge(folder, 1L, Long::sum);
            }
        }
        return left;
    }

    private static String folderOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /** kohya's repeat-folder name: {@code N} or {@code N_name} with N at least 1. */
    static boolean isRepeatFolder(String name) {
        Matcher m = REPEAT.matcher(name);
        return m.matches() && Integer.parseInt(m.group(1)) >= 1;
    }

    /** One image, by its key. */
    public void add(String key) {
        folders.merge(folderOf(key), 1L, Long::sum);
    }

    /**
     * The images kohya's DreamBooth-style loader leaves out, when there are any: those in a sub-folder of a repeat
     * folder (a direct sub-folder of this folder named {@code N_name}, or anything below this folder when it is one).
     */
    public Optional<String> dreamBoothNote() {
        Map<String, Long> nested = new TreeMap<>();
        Map<String, Long> left = new TreeMap<>();
        folders.forEach((folder, n) -> {
            String first = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
            if (n > 0 && (rootIsRepeatFolder ? !folder.isEmpty() : folder.contains("/") && isRepeatFolder(first))) {
                String name = rootIsRepeatFolder ? rootName + "/" + folder : folder;
                nested.put(name, n);
                left.put(name, unusable.getOrDefault(folder, 0L));
            }
        });
        if (nested.isEmpty()) {
            return Optional.empty();
        }
        long n = nested.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of("kohya: " + images(n) + " in sub-folders of repeat folders " + (n == 1 ? "is" : "are")
                + " not read by kohya's"
                + " DreamBooth-style training, which takes only the images directly in each N_name folder (and does"
                + " not say so): " + named(nested, left) + ". Move them up into their repeat folder (or into one of"
                + " their own, e.g. 10_sub), or train from a meta_cap.json exported with --full-path.");
    }

    /**
     * The images kohya's DreamBooth-style loader leaves out at the top, when there are any: those directly in this
     * folder (not itself a repeat folder) beside its repeat folders, which make it a {@code train_data_dir}.
     */
    public Optional<String> looseNote() {
        long loose = folders.getOrDefault("", 0L);
        Map<String, Long> repeat = byRepeatFolder(folders);
        if (rootIsRepeatFolder || loose == 0 || repeat.isEmpty()) {
            return Optional.empty();
        }
        String some = repeat.keySet().iterator().next();
        return Optional.of("kohya: " + images(loose) + (loose == 1 ? " lies" : " lie") + " loose in " + rootName
                + " beside its repeat folders, where kohya's DreamBooth-style training does not read " + (loose == 1
                ? "it" : "them") + ": it takes only the images in each N_name folder (and does not say so). Repeat"
                + " folders: " + named(repeat, byRepeatFolder(unusable)) + ". Move " + (loose == 1 ? "it" : "them")
                + " into a repeat folder"
                + " (e.g. " + some + "/, or a new N_name folder of " + (loose == 1 ? "its" : "their") + " own).");
    }

    /**
     * {@code counts} of each repeat folder: of the images directly in it, the ones kohya's DreamBooth-style loader
     * reads ({@code 10_x} counts {@code 10_x/a.jpg}, not {@code 10_x/sub/b.jpg}, which {@link #dreamBoothNote} names);
     * a repeat folder with images only in its sub-folders is there with 0.
     */
    private static Map<String, Long> byRepeatFolder(Map<String, Long> counts) {
        Map<String, Long> repeat = new TreeMap<>();
        counts.forEach((folder, n) -> {
            String first = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
            if (isRepeatFolder(first)) {
                repeat.merge(first, first.equals(folder) ? n : 0L, Long::sum);
            }
        });
        return repeat;
    }

    /**
     * For {@code export --format kohya} of a folder laid out for DreamBooth-style training (it has direct
     * {@code N_name} repeat folders, or is one): that training reads the sidecars beside the images and no metadata
     * file, and that the file is for the fine-tuning loader, where the folders' repeat counts do not apply (dogfood
     * round 7, J11: the only advice was {@code --full-path}, which leads to the loader that drops the repeats).
     */
    public Optional<String> repeatFoldersNote(String captionExtension, String tagsExtension) {
        Map<String, Long> repeat = byRepeatFolder(folders);
        if (!rootIsRepeatFolder && repeat.isEmpty()) {
            return Optional.empty();
        }
        String which = rootIsRepeatFolder ? rootName + " is a repeat folder" : rootName + " has repeat folders ("
                + named(repeat, Map.of()) + ")";
        return Optional.of("kohya: " + which + ". DreamBooth-style training with repeat folders reads the "
                + captionExtension + " (or " + tagsExtension + ") sidecars beside the images directly and needs no"
                + " metadata file; meta_cap.json is for kohya's fine-tuning loader (in_json), where the repeat counts"
                + " do not apply.");
    }

    /**
     * The images a {@code meta_cap.json} keyed by bare stem leaves kohya's fine-tuning loader unable to find, when
     * there are any: those in sub-folders of this folder.
     */
    public Optional<String> stemKeyNote() {
        Map<String, Long> below = new TreeMap<>(folders);
        below.remove("");
        if (below.isEmpty()) {
            return Optional.empty();
        }
        long n = below.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of("kohya: " + images(n) + " in sub-folders of " + rootName + (n == 1 ? " is" : " are")
                + " keyed by bare file stem,"
                + " which kohya's fine-tuning loader looks for only as train_data_dir/STEM.* (one folder, not its"
                + " sub-folders), stopping at the first it cannot find with \"no image\": " + named(below, Map.of())
                + ". Add --full-path to key every image by its path.");
    }

    /**
     * {@code 10_x/sub (2 images), 20_tiny/a (1 image, 1 unusable file not counted)}, the first {@value #NAMED}, then
     * how many more; {@code left}: the unusable files of each folder, left out of its count.
     */
    private static String named(Map<String, Long> folders, Map<String, Long> left) {
        String shown = folders.entrySet().stream().limit(NAMED).map(e -> e.getKey() + " (" + images(e.getValue())
                + notCounted(left.getOrDefault(e.getKey(), 0L)) + ")").collect(Collectors.joining(", "));
        int more = folders.size() - NAMED;
        return more > 0 ? shown + " and " + more + " more folder" + (more == 1 ? "" : "s") : shown;
    }

    private static String notCounted(long unusable) {
        return unusable == 0 ? "" : ", " + unusable + " unusable file" + (unusable == 1 ? "" : "s") + " not counted";
    }

    private static String images(long n) {
        return n + (n == 1 ? " image" : " images");
    }
}
