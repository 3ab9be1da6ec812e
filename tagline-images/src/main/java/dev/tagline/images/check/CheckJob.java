package dev.tagline.images.check;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.load.LoadResult;
import dev.tagline.images.load.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code tagline check} as a batch job: workers load (verify) each file with the {@link ImageLoader} taggers use; the
 * model step, which sees files in scan order, marks later copies of the same bytes as duplicates; the writer journals
 * one {@link CheckRecord} per file. Nothing on disk changes here: policies act afterwards ({@link CheckActions}).
 */
public final class CheckJob implements BatchJob<CheckJob.Checked, CheckJob.Checked> {
    /** A file and its load result, without pixels. */
    public record Checked(String key, LoadResult result) {
    }

    private final ImageLoader loader;
    private final Consumer<CheckRecord> onProblem;
    /** First 128 bits of SHA-256 (hex) → key of the first file with those bytes. */
    private final Map<String, String> seen = new HashMap<>();

    /** {@code onProblem} hears each file that is not ok or converted, on the writer thread. */
    public CheckJob(LoadOptions options, Consumer<CheckRecord> onProblem) {
        this.loader = new ImageLoader(options);
        this.onProblem = onProblem;
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

    @Override
    public Checked prepare(ScanEntry entry) {
        if (!entry.supported()) {
            String ext = entry.extension();
            return new Checked(entry.key(), new LoadResult(Verdict.UNSUPPORTED, ext.isEmpty()
                    ? "no file extension; Tagline reads " + String.join(", ", sorted())
                    : "." + ext + " is not an image format Tagline reads", List.of(), null, 0, 0, 0, "", null));
        }
        return new Checked(entry.key(), loader.load(entry.path(), false));
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
            if (decodable && !r.sha256().isEmpty()) {
                String first = seen.putIfAbsent(r.sha256().substring(0, 32), c.key());
                if (first != null) {
                    out.add(new Checked(c.key(), r.withVerdict(Verdict.DUPLICATE, "same bytes as " + first)));
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public String write(ScanEntry entry, Checked result) {
        CheckRecord record = CheckRecord.of(result.key(), result.result());
        if (!record.verdict().usable()) {
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

    @Override
    public void restore(String key, String json) {
        CheckRecord r = CheckRecord.fromJson(json);
        if ((r.verdict().usable() || r.verdict() == Verdict.TOO_SMALL) && r.sha256().length() >= 32) {
            seen.putIfAbsent(r.sha256().substring(0, 32), key);
        }
    }
}
