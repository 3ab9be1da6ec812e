package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.images.check.CheckActions;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.check.CheckPolicy;
import dev.tagline.images.check.CheckSummary;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The long work a page can start on a media folder, by kind ({@code POST /datasets/{root}/jobs/{kind}}). A kind turns
 * the form into a title and a {@link Jobs.Work} that reports progress into its job and stops when it is cancelled;
 * adding one (caption, tag) is one {@link #register} call in {@link WebServer}.
 */
final class JobKinds {
    /** Where the check job writes its report (one JSON line per file with its verdict and action). */
    static final String CHECK_REPORT = ScanOptions.STATE_DIR + "/check-report.jsonl";
    /** Where the check job moves unusable files (corrupt, too large, too small, duplicate) when asked to. */
    static final String QUARANTINE = ScanOptions.STATE_DIR + "/quarantine";

    /** One kind of job: a title for the jobs page and the work, from the folder and the submitted form. */
    interface Kind {
        String title(String root, Map<String, String> form);

        Jobs.Work work(Path dir, Map<String, String> form);
    }

    private final Map<String, Kind> kinds = new TreeMap<>();

    JobKinds register(String name, Kind kind) {
        if (kinds.putIfAbsent(name, kind) != null) {
            throw new IllegalStateException("job kind '" + name + "' registered twice");
        }
        return this;
    }

    Kind get(String name) {
        Kind kind = kinds.get(name);
        if (kind == null) {
            throw new TaglineException("No job kind '" + name + "'", "Start one of: " + String.join(", ", kinds.keySet())
                    + ".");
        }
        return kind;
    }

    /** Renders every thumbnail of a folder ahead of browsing it. */
    static Kind thumbnails(Thumbnails thumbnails) {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Thumbnails for " + root;
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                return job -> {
                    List<Dataset.Item> items = new Dataset(dir).items();
                    job.total(items.size());
                    for (Dataset.Item item : items) {
                        if (job.cancelled()) {
                            break;
                        }
                        thumbnails.of(dir.resolve(item.path()));
                        job.step();
                    }
                    return items.size() + " thumbnails ready";
                };
            }
        };
    }

    /**
     * {@code tagline check} on the folder with the CLI's defaults: the resumable batch engine (progress per file, a
     * cancel stops after the chunk in progress), then the report under {@link #CHECK_REPORT}; with {@code
     * quarantine=on} unusable files and their sidecars are moved to {@link #QUARANTINE}.
     */
    static Kind check() {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Check " + root + ("on".equals(form.get("quarantine")) ? " (quarantine bad files)" : "");
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                boolean quarantine = "on".equals(form.get("quarantine"));
                return job -> {
                    Path q = quarantine ? dir.resolve(QUARANTINE) : null;
                    ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, CheckJob.COMPANIONS)
                            .withExcludedDirs(q == null ? Set.of() : Set.of(q));
                    LoadOptions load = new LoadOptions(178_956_970L, 256, LoadOptions.parseColour("white"));
                    BatchSummary batch = new BatchEngine(BatchSettings.defaults(scan), job.progress(), job.stop(),
                            BatchObserver.NONE).run(dir, new CheckJob(load, r -> { }));
                    if (batch.stopped()) {
                        return "Stopped after " + batch.done() + " of " + batch.total() + " files; start again to resume";
                    }
                    CheckSummary summary = new CheckActions(dir, new CheckPolicy(q, false, false, false),
                            new ImageLoader(load), line -> { }).apply(batch.journal(), dir.resolve(CHECK_REPORT), true);
                    return summary.totalFiles() + " files checked, " + summary.failures() + " corrupt or unreadable"
                            + (quarantine ? ", " + summary.actions().getOrDefault("quarantined", 0L) + " moved to "
                            + QUARANTINE : "") + "; report on the dataset page";
                };
            }
        };
    }
}
