package dev.tagline.images.check;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.load.LoadResult;
import dev.tagline.images.load.Verdict;
import dev.tagline.images.sidecar.KohyaFolders;
import dev.tagline.images.sidecar.SidecarWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code tagline check} as a batch job: workers load (verify) each file with the {@link ImageLoader} taggers use; the
 * model step, which sees files in scan order, marks later copies of the same bytes as duplicates; the writer journals
 * one {@link CheckRecord} per file. Nothing on disk changes here: policies act afterwards ({@link CheckActions}).
 *
 * <p>Files journaled by earlier runs count as first copies only while they are still in the folder with the same
 * bytes, and never for themselves: a touched, renamed or copied-along file ({@code cp -r} takes the journal with it)
 * would otherwise be called a duplicate of its own old entry, and {@code --quarantine} would move the only copy.
 */
public final class CheckJob implements BatchJob<CheckJob.Checked, CheckJob.Checked> {
    /** The start of a duplicate's detail; the rest is the key of the file it copies ({@link CheckRecord#duplicateOf}). */
    static final String DUPLICATE_OF = "same bytes as ";

    /** A file and its load result, without pixels. */
    public record Checked(String key, Path path, LoadResult result) {
    }

    private final ImageLoader loader;
    private final Consumer<CheckRecord> onProblem;
    private final Consumer<String> onWarning;
    /** First 128 bits of SHA-256 (hex) → key of the first file with those bytes, checked in this run or confirmed. */
    private final Map<String, String> seen = new HashMap<>();
    /** The same for files journaled by earlier runs, not yet confirmed to be in the folder still. */
    private final Map<String, String> journaled = new HashMap<>();
    /** Key → warning of each file that would share a sidecar with another image ({@link #scanned}); few. */
    private final Map<String, String> warnings = new java.util.TreeMap<>();
    /** Images per folder below the scanned one, for {@link #kohyaNotes}; scanning thread; null before the first. */
    private KohyaFolders kohya;

    /** {@code onProblem} hears each file that is not ok or converted, on the writer thread. */
    public CheckJob(LoadOptions options, Consumer<CheckRecord> onProblem) {
        this(options, onProblem, warning -> { });
    }

    /**
     * As above; {@code onWarning} hears, on the scanning thread before the first file is decoded, a line about each
     * file that will cause trouble whatever its verdict, on every run (resumed or not): one named like another image
     * but for the extension ({@code same.png} beside {@code same.jpg}), whose tags and caption would go to the
     * sidecars of the other ({@link #warnings}).
     */
    public CheckJob(LoadOptions options, Consumer<CheckRecord> onProblem, Consumer<String> onWarning) {
        this.loader = new ImageLoader(options);
        this.onProblem = onProblem;
        this.onWarning = onWarning;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String fingerprint() {
        LoadOptions o = loader.options();
        return "check v1; max-pixels=" + o.maxPixels() + "; min-side=" + o.minSide() + "; background="
                + String.format("%06X", o.background());
    }

    /**
     * Notes and tells a file that would share its sidecars with another image of the folder; counts the images per
     * folder for {@link #kohyaNotes}.
     */
    @Override
    public void scanned(ScanEntry entry) {
        if (entry.supported() && entry.maskOf() == null) {
            if (kohya == null) {
                Path root = entry.path();
                for (int i = entry.key().split("/").length; i > 0 && root != null; i--) {
                    root = root.getParent();
                }
                kohya = new KohyaFolders(root == null ? Path.of(".") : root);
            }
            kohya.add(entry.key());
        }
        String warning = sharedSidecarWarning(entry);
        if (warning != null) {
            warnings.put(entry.key(), warning);
            onWarning.accept(entry.key() + ": " + warning);
        }
    }

    /**
     * The warning the report carries for {@code entry} ({@code "warning"}), as the scan marks it: an image named like
     * another of its folder but for the extension, which would share its sidecars; null for any other file.
     */
    public static String sharedSidecarWarning(ScanEntry entry) {
        if (!entry.supported() || entry.sameStemAs() == null) {
            return null;
        }
        String name = entry.path().getFileName().toString();
        String stem = name.substring(0, Math.max(0, name.lastIndexOf('.')));
        return SidecarWriter.sharedSidecar(entry, stem + ".txt and " + stem + ".caption").oneLine();
    }

    /**
     * After a run: the images of this run's scan that kohya's DreamBooth-style training would not read, being in
     * sub-folders of repeat folders ({@link KohyaFolders#dreamBoothNote}) or loose beside them
     * ({@link KohyaFolders#looseNote}), one line each, none when all is well; counted as kohya loads the folder after
     * this run: without the files {@code summary} says this run's {@code --quarantine} or {@code --delete-corrupt}
     * set aside ({@link CheckSummary#setAside}; dogfood round 7, J2: the repeat-folder counts after a quarantine
     * included the files just moved), and with the images that stay but no trainer loads ({@link
     * CheckSummary#unusable}: corrupt, unsupported…) named apart rather than counted.
     */
    public List<String> kohyaNotes(CheckSummary summary) {
        return kohya == null ? List.of() : notes(kohya.without(summary.setAside()).unusable(summary.unusable()));
    }

    /** The kohya notes of {@code folders}, in check's order. */
    public static List<String> notes(KohyaFolders folders) {
        return Stream.of(folders.dreamBoothNote(), folders.looseNote()).flatMap(Optional::stream).toList();
    }

    /**
     * Key → warning of the files of this run's scan (done before or not) that would share a sidecar with another
     * image, for the report ({@link CheckActions#apply(Path, Path, CheckActions.Deletion, Map)}).
     */
    public Map<String, String> warnings() {
        return Map.copyOf(warnings);
    }

    @Override
    public Checked prepare(ScanEntry entry) {
        if (entry.maskOf() != null) {
            return new Checked(entry.key(), entry.path(), new LoadResult(Verdict.MASK,
                    OneTrainerMasks.reason(entry.maskOf()), List.of(), null, 0, 0, entry.size(), "", null));
        }
        if (!entry.supported()) {
            String ext = entry.extension();
            return new Checked(entry.key(), entry.path(), new LoadResult(Verdict.UNSUPPORTED, ext.isEmpty()
                    ? "no file extension; Tagline reads " + String.join(", ", sorted())
                    : "." + ext + " is not an image format Tagline reads", List.of(), null, 0, 0, entry.size(), "",
                    null));
        }
        return new Checked(entry.key(), entry.path(), loader.load(entry.path(), false));
    }

    private static List<String> sorted() {
        return dev.tagline.images.load.ImageFormat.EXTENSIONS.stream().sorted().toList();
    }

    @Override
    public List<Checked> run(List<Checked> batch) {
        List<Checked> out = new ArrayList<>(batch.size());
        for (Checked c : batch) {
            LoadResult r = c.result();
            boolean decodable = r.verdict().usable() || r.verdict() == Verdict.TOO_SMALL;
            String first = decodable && !r.sha256().isEmpty() ? first(c) : null;
            out.add(first == null ? c
                    : new Checked(c.key(), c.path(), r.withVerdict(Verdict.DUPLICATE, DUPLICATE_OF + first)));
        }
        return out;
    }

    /** The key of an earlier file with {@code c}'s bytes, or null when {@code c} is the first (and now noted). */
    private String first(Checked c) {
        String sha = c.result().sha256().substring(0, 32);
        String first = seen.get(sha);
        if (first == null) {
            first = journaled.remove(sha);
            if (first != null && (first.equals(c.key()) || !sameBytes(fileOf(c, first), c.result()))) {
                first = null;
            }
            seen.put(sha, first == null ? c.key() : first);
        }
        return first == null || first.equals(c.key()) ? null : first;
    }

    /** The file of {@code key}: keys are paths relative to the scanned folder, {@code /}-separated. */
    private static Path fileOf(Checked c, String key) {
        Path root = c.path();
        for (int i = c.key().split("/").length; i > 0; i--) {
            root = root.getParent();
        }
        return root.resolve(key);
    }

    /** True when {@code file} is in the folder and holds the bytes {@code r} was loaded from. */
    private static boolean sameBytes(Path file, LoadResult r) {
        return Files.isRegularFile(file)
                && !CheckActions.changedSinceChecked(CheckRecord.of("", r), file);
    }

    @Override
    public String write(ScanEntry entry, Checked result) {
        CheckRecord record = CheckRecord.of(result.key(), result.result());
        if (!record.verdict().usable() && record.verdict() != Verdict.MASK) { // masks: a count in the summary
            onProblem.accept(record);
        }
        return record.toJson();
    }

    /** Corrupt, too-large and unreadable files count as failures in progress and totals. */
    @Override
    public boolean countsAsFailure(Checked result) {
        Verdict v = result.result().verdict();
        return v == Verdict.CORRUPT || v == Verdict.TOO_LARGE || v == Verdict.ERROR;
    }

    /**
     * A file that is no image format Tagline reads is passed over (listed as unsupported), not checked; so is a
     * OneTrainer mask beside its image.
     */
    @Override
    public boolean passedOver(Checked result) {
        Verdict v = result.result().verdict();
        return v == Verdict.UNSUPPORTED || v == Verdict.MASK;
    }

    /** A journaled corrupt, too-large or unreadable file, as {@link #countsAsFailure} counts it. */
    @Override
    public boolean failedEarlier(String json) {
        Verdict v = CheckRecord.fromJson(json).verdict();
        return v == Verdict.CORRUPT || v == Verdict.TOO_LARGE || v == Verdict.ERROR;
    }

    @Override
    public void restore(String key, String json) {
        CheckRecord r = CheckRecord.fromJson(json);
        if ((r.verdict().usable() || r.verdict() == Verdict.TOO_SMALL) && r.sha256().length() >= 32) {
            journaled.putIfAbsent(r.sha256().substring(0, 32), key);
        }
    }
}
