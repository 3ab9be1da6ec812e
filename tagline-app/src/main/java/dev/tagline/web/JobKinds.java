package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.images.check.CheckActions;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.check.CheckPolicy;
import dev.tagline.images.check.CheckSummary;
import dev.tagline.images.check.LastCheck;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.TagJob;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The long work a page can start on a media folder, by kind ({@code POST /jobs/{root}/{kind}}). A kind turns
 * the form into a title and a {@link Jobs.Work} that reports progress into its job and stops when it is cancelled;
 * adding one (caption, tag) is one {@link #register} call in {@link WebServer}.
 */
final class JobKinds {
    /**
     * Where the last check's report is (one JSON line per file with its verdict and action): the check job's, or that
     * of {@code tagline check} on the folder ({@link LastCheck}); a read-only dataset's is in {@code TAGLINE_HOME}
     * ({@link LastCheck#find}).
     */
    static final String CHECK_REPORT = ScanOptions.STATE_DIR + "/" + LastCheck.FILE;
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
     * quarantine=on} unusable files and their sidecars are moved to {@link #QUARANTINE}. A read-only dataset keeps its
     * journal and report in its folder of {@code stateFallback} ({@code $TAGLINE_HOME/state/journals}), as the CLI's;
     * its quarantine is refused before the job starts (nothing can be moved in it).
     */
    static Kind check(Path stateFallback) {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Check " + root + ("on".equals(form.get("quarantine")) ? " (quarantine bad files)" : "");
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                boolean quarantine = "on".equals(form.get("quarantine"));
                if (quarantine && !java.nio.file.Files.isWritable(dir)) {
                    throw new TaglineException(dir + " is read-only, and check with quarantine moves bad files into "
                            + QUARANTINE + " inside it", "Make the folder writable, or copy the dataset to one you can"
                            + " write to; check without quarantine still runs and reports them.");
                }
                return job -> {
                    Path q = quarantine ? dir.resolve(QUARANTINE) : null;
                    Set<Path> passedBy = new java.util.HashSet<>(ClipLibrary.clipFolders(dir));
                    if (q != null) {
                        passedBy.add(q);
                    }
                    ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS)
                            .withExcludedDirs(passedBy); // as the gallery: rendered clips are no dataset
                    LoadOptions load = new LoadOptions(178_956_970L, 256, LoadOptions.parseColour("white"));
                    CheckJob check = new CheckJob(load, r -> { });
                    BatchSummary batch = new BatchEngine(BatchSettings.defaults(scan).withStateFallback(stateFallback),
                            job.progress(), job.stop(), BatchObserver.NONE).run(dir, check);
                    job.resumed(batch.resumed());
                    if (batch.stopped()) {
                        return "Stopped after " + batch.done() + " of " + batch.total() + " files; start again to resume";
                    }
                    CheckSummary summary = new CheckActions(dir, new CheckPolicy(q, false, false, false),
                            new ImageLoader(load), line -> { }).apply(batch.journal(), null,
                            CheckActions.Deletion.CONFIRMED, check.warnings());
                    long setAside = summary.actions().getOrDefault(CheckActions.QUARANTINED_EARLIER, 0L);
                    return summary.totalFiles() + " files checked, " + summary.failures() + " corrupt or unreadable"
                            + (quarantine ? ", " + summary.actions().getOrDefault(CheckActions.QUARANTINED, 0L)
                            + " moved to " + QUARANTINE : "")
                            + (setAside > 0 ? ", " + setAside + " set aside by an earlier --quarantine (not counted)"
                            : "")
                            + (summary.warnings() > 0 ? ", " + summary.warnings() + " would share a sidecar with"
                            + " another image" : "") + "; report on the dataset page."
                            + FolderJobMessage.notes(batch, "check")
                            + check.kohyaNotes(summary).stream().map(note -> " " + note)
                            .collect(Collectors.joining());
                };
            }
        };
    }

    /**
     * Runs {@code batchJob} over the images of {@code dir} with the CLI's scan defaults (the folder's own
     * {@code sidecars} extensions passed over as sidecars; rendered clips' folders left out), progress and stop from
     * {@code job}, and sums it up in one line as the CLI counts ({@link FolderJobMessage}): {@code "9 images tagged
     * with quality, 5 passed over (2 images whose sidecars exist, 3 files that are not images), none failed."}. The
     * images of a read-only sub-folder are passed over, found before the run, and counted at the end
     * ({@link ReadOnlyFolders}), instead of stopping the job at the first of them.
     *
     * @param command the CLI command doing the same ({@code tag}, {@code caption})
     * @param kept    read after the run: the images passed over because their sidecars exist
     */
    static String overImages(Path dir, java.util.Collection<String> sidecars, BatchJob<?, ?> batchJob, Jobs.Job job,
                             String command, String what, java.util.function.LongSupplier kept) {
        ReadOnlyFolders readOnly = ReadOnlyFolders.of(dir);
        ScanOptions scan = Dataset.scan(dir);
        Set<Path> passedBy = new java.util.HashSet<>(scan.excludedDirs());
        passedBy.addAll(readOnly.dirs());
        BatchSummary batch = new BatchEngine(BatchSettings.defaults(scan.withExcludedDirs(passedBy)
                .withSidecars(sidecars)), job.progress(), job.stop(), BatchObserver.NONE).run(dir, batchJob);
        return FolderJobMessage.of(batch, command, what, kept.getAsLong()) + readOnly.note();
    }

    /**
     * The existing file {@code relative} below {@code dir}, by the rule that serving uses ({@link MediaRoutes#resolve}):
     * its real path must stay in the folder, so a job never follows a link out of it to read or write beside its
     * target, and no part of it may be hidden. Returned as the path below {@code dir}, for messages.
     */
    static Path inside(Path dir, String relative) {
        try {
            MediaRoutes.resolve(Map.of("media", dir), "media", relative);
            return dir.toAbsolutePath().normalize().resolve(relative).normalize();
        } catch (io.javalin.http.NotFoundResponse e) {
            throw new TaglineException("No file '" + relative + "' inside the media folder (links out of it and"
                    + " hidden files are not followed)", "Use the forms on /clips.");
        }
    }

    /**
     * {@code tagline tag} on the folder with one tagger ({@code tagger}: {@code quality} by default, or any model id
     * the store knows), the default tag rules, and {@code existing} ({@code skip} or {@code overwrite}) for images that
     * already have tags. Models come through the model store ({@code TAGLINE_HOME}); progress counts images, a cancel
     * stops after the chunk in progress and a new start resumes. The tags go to the folder's tags extension
     * ({@code sidecarsOf}); a folder whose captions are in that file is refused.
     */
    static Kind tag(Map<String, String> env, java.util.function.Function<Path, DatasetSidecars> sidecarsOf) {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Tag " + root + " with " + form.getOrDefault("tagger", "quality");
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                String id = form.getOrDefault("tagger", "quality").strip();
                if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?") || id.contains("..")) {
                    throw new TaglineException("Tagger id '" + id + "' is not valid", "Use an id as in 'tagline tag"
                            + " --tagger', e.g. quality or wd-vit-tagger-v3.");
                }
                SidecarSettings.Existing existing = SidecarSettings.Existing.parse(form.getOrDefault("existing", "skip"));
                BatchEngine.requireWritableFolder(dir, "tag");
                DatasetSidecars where = sidecarsOf.apply(dir);
                if (where.captionsOnly()) {
                    throw new TaglineException("Tagging would write the tags to the " + where.tagsExtension()
                            + " files, which hold this folder's captions (serve --caption-extension)",
                            "Give the tags their own file: restart tagline serve with --tags-extension NAME=.tags.");
                }
                return job -> {
                    ModelStore store = ModelStore.fromEnvironment(env, job.progress());
                    try (OnnxSessions sessions = new OnnxSessions(model -> { });
                         ImageTagger tagger = new Taggers(store, sessions, SessionConfig.defaults(), new Taggers.Options(
                                 8, OptionalDouble.empty(), QualitySettings.DEFAULTS)).open(id, null)) {
                        SidecarSettings sidecar = where.tags().withExisting(existing);
                        TagJob tagJob = new TagJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(tagger),
                                TagRules.defaults(), new SidecarWriter(sidecar), 8,
                                tagger.id() + " (" + tagger.revision() + "); " + sidecar);
                        return overImages(dir, List.of(where.captionExtension(), where.tagsExtension()), tagJob, job,
                                "tag", "tagged with " + tagger.id(), tagJob::sidecarsKept);
                    }
                };
            }
        };
    }
}
