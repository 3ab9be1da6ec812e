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
 * The long work a page can start on a media folder, by kind ({@code POST /jobs/{root}/{kind}}). A kind turns
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

    /**
     * {@code tagline clips render} for the clips of one {@code VIDEO.clips.json} ({@code path}, relative to the
     * folder): reframing {@code center}, {@code fit} or {@code blur-pad} (the modes that need no face model),
     * captions from the transcript beside the video unless {@code captions} is off, x264 {@code preset}; the clips go
     * to {@code VIDEO.clips/} as the CLI writes them. Progress counts clips; a cancel stops before the next clip.
     */
    static Kind render(Map<String, String> env) {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Render " + form.getOrDefault("path", "?") + " in " + root;
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                Path clipsFile = inside(dir, form.get("path"));
                if (!clipsFile.getFileName().toString().endsWith(".clips.json") || !java.nio.file.Files.isRegularFile(
                        clipsFile)) {
                    throw new TaglineException("No clips file " + form.get("path"), "Pick a video on /clips that has"
                            + " clips found ('tagline clips find').");
                }
                String mode = form.getOrDefault("mode", "blur-pad");
                if (!List.of("center", "fit", "blur-pad").contains(mode)) {
                    throw new TaglineException("Reframe mode '" + mode + "' is not center, fit or blur-pad",
                            "Track and screencast need the face model: run 'tagline clips render' for them.");
                }
                String preset = form.getOrDefault("preset", "medium");
                if (!preset.matches("ultrafast|superfast|veryfast|faster|fast|medium|slow")) {
                    throw new TaglineException("x264 preset '" + preset + "' is not offered", "Pick one from the list.");
                }
                dev.tagline.video.render.RenderOptions options = new dev.tagline.video.render.RenderOptions(
                        dev.tagline.video.render.Aspect.parse("9:16"), java.util.Optional.of(
                        dev.tagline.video.render.ReframeMode.parse(mode)), !"off".equals(form.get("captions")),
                        dev.tagline.video.render.CaptionStyle.preset("bold"), java.util.Optional.empty(),
                        dev.tagline.video.render.EncodeSettings.DEFAULTS.withPreset(preset));
                return job -> {
                    dev.tagline.core.manifest.ClipsFile clips = dev.tagline.core.manifest.ClipsFile.read(clipsFile);
                    Path video = clipsFile.resolveSibling(clips.source().path());
                    Path out = clipsFile.resolveSibling(clipsFile.getFileName().toString().replaceFirst("\\.json$", ""));
                    dev.tagline.video.ffmpeg.Ffmpeg tools = new dev.tagline.video.ffmpeg.Ffmpeg(
                            new dev.tagline.video.ffmpeg.FfmpegLocator(env).locate(java.util.Optional.empty()),
                            new dev.tagline.core.process.ProcessRunner(), java.time.Duration.ofHours(6));
                    dev.tagline.video.render.ClipPipeline pipeline = new dev.tagline.video.render.ClipPipeline(tools,
                            new dev.tagline.video.render.ClipRenderer(tools, new dev.tagline.core.process.ProcessRunner(),
                                    java.time.Duration.ofHours(6)),
                            new dev.tagline.video.render.ClipAnalyser(tools, dev.tagline.video.render.FaceFinder.NONE),
                            new dev.tagline.video.copy.HeuristicCopywriter(), List.of());
                    dev.tagline.video.render.ClipPipeline.Source source = pipeline.open(video);
                    job.total(clips.clips().size());
                    int done = 0;
                    for (dev.tagline.core.manifest.ClipCandidate clip : clips.clips()) {
                        if (job.cancelled()) {
                            break;
                        }
                        pipeline.render(source, clip, out, options);
                        job.step();
                        done++;
                    }
                    return "Rendered " + done + " of " + clips.clips().size() + " clip(s) to " + dir.relativize(out);
                };
            }
        };
    }

    /** {@code relative} resolved under {@code dir}; anything that leaves it is refused. */
    private static Path inside(Path dir, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = relative == null ? base : base.resolve(relative).normalize();
        if (relative == null || relative.isBlank() || !p.startsWith(base) || p.equals(base)) {
            throw new TaglineException("Path '" + relative + "' is not a file inside the media folder",
                    "Use the forms on /clips.");
        }
        return p;
    }

    /**
     * {@code tagline tag} on the folder with one tagger ({@code tagger}: {@code quality} by default, or any model id
     * the store knows), the default tag rules, and {@code existing} ({@code skip} or {@code overwrite}) for images that
     * already have tags. Models come through the model store ({@code TAGLINE_HOME}); progress counts images, a cancel
     * stops after the chunk in progress and a new start resumes.
     */
    static Kind tag(Map<String, String> env) {
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
                dev.tagline.images.sidecar.SidecarSettings.Existing existing =
                        dev.tagline.images.sidecar.SidecarSettings.Existing.parse(form.getOrDefault("existing", "skip"));
                return job -> {
                    dev.tagline.inference.store.ModelStore store =
                            dev.tagline.inference.store.ModelStore.fromEnvironment(env, job.progress());
                    dev.tagline.inference.onnx.SessionConfig config = dev.tagline.inference.onnx.SessionConfig.defaults();
                    try (dev.tagline.inference.onnx.OnnxSessions sessions =
                                 new dev.tagline.inference.onnx.OnnxSessions(model -> { });
                         dev.tagline.images.tag.ImageTagger tagger = new dev.tagline.images.tag.Taggers(store, sessions,
                                 config, new dev.tagline.images.tag.Taggers.Options(8, java.util.OptionalDouble.empty(),
                                 dev.tagline.images.tag.QualitySettings.DEFAULTS)).open(id, null)) {
                        dev.tagline.images.sidecar.SidecarSettings sidecar =
                                dev.tagline.images.sidecar.SidecarSettings.tags().withExisting(existing);
                        dev.tagline.images.tag.TagJob tagJob = new dev.tagline.images.tag.TagJob(new ImageLoader(
                                LoadOptions.DEFAULTS.withMinSide(0)), List.of(tagger),
                                dev.tagline.images.tag.TagRules.defaults(),
                                new dev.tagline.images.sidecar.SidecarWriter(sidecar), 8,
                                tagger.id() + " (" + tagger.revision() + "); " + sidecar);
                        BatchSummary batch = new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                                CheckJob.COMPANIONS)), job.progress(), job.stop(), BatchObserver.NONE).run(dir, tagJob);
                        return (batch.stopped() ? "Stopped: " : "") + batch.done() + " of " + batch.total()
                                + " image(s) tagged with " + tagger.id() + (batch.failed() > 0 ? ", " + batch.failed()
                                + " failed" : "") + (batch.resumed() > 0 ? ", " + batch.resumed() + " done before" : "");
                    }
                };
            }
        };
    }

    /**
     * {@code tagline clips find} on one video ({@code path}) with the built-in models and the CLI's defaults (30–60 s
     * clips, subtitles beside the video as the transcript), optionally exactly {@code count} clips; writes {@code
     * VIDEO.clips.json}, which /clips then shows with its render button. The finder reports progress but has no
     * stop point of its own, so a cancel interrupts it (its ffmpeg child is stopped with it).
     */
    static Kind find(Map<String, String> env, java.time.Clock clock) {
        return new Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Find clips in " + form.getOrDefault("path", "?") + " (" + root + ")";
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                Path video = inside(dir, form.get("path"));
                if (!java.nio.file.Files.isRegularFile(video)) {
                    throw new TaglineException("No video " + form.get("path") + " in the media folder",
                            "Give the path of a video below the folder, e.g. talks/keynote.mp4.");
                }
                String countText = form.getOrDefault("count", "").strip();
                if (!countText.isEmpty() && !countText.matches("[1-9]\\d{0,2}")) {
                    throw new TaglineException("Clip count '" + countText + "' is not a number from 1 to 999",
                            "Leave it empty for the automatic count.");
                }
                java.util.OptionalInt count = countText.isEmpty() ? java.util.OptionalInt.empty()
                        : java.util.OptionalInt.of(Integer.parseInt(countText));
                return job -> {
                    Thread worker = Thread.currentThread();
                    job.onCancel(worker::interrupt);
                    dev.tagline.inference.onnx.SessionConfig config = dev.tagline.inference.onnx.SessionConfig.defaults();
                    try (dev.tagline.inference.onnx.OnnxSessions sessions =
                                 new dev.tagline.inference.onnx.OnnxSessions(model -> { });
                         dev.tagline.video.highlight.FinderModels models = dev.tagline.video.highlight.FinderModels
                                 .builtin(dev.tagline.inference.BuiltinModels.open(dev.tagline.inference.store.ModelStore
                                         .fromEnvironment(env, dev.tagline.core.progress.Progress.Factory.NONE),
                                         sessions, config))) {
                        dev.tagline.video.ffmpeg.Ffmpeg tools = new dev.tagline.video.ffmpeg.Ffmpeg(
                                new dev.tagline.video.ffmpeg.FfmpegLocator(env).locate(java.util.Optional.empty()),
                                new dev.tagline.core.process.ProcessRunner(), java.time.Duration.ofHours(12));
                        dev.tagline.video.highlight.ClipFinder.Options options =
                                new dev.tagline.video.highlight.ClipFinder.Options(
                                        dev.tagline.video.highlight.DurationBand.of(java.time.Duration.ofSeconds(30),
                                                java.time.Duration.ofSeconds(60)), count, java.util.Optional.empty(),
                                        java.util.Optional.empty(), dev.tagline.video.signal.DecodeOptions.DEFAULT,
                                        java.util.Optional.empty(), models);
                        dev.tagline.core.manifest.ClipsFile clips = new dev.tagline.video.highlight.ClipFinder(tools,
                                clock, job.progress()).find(video, options);
                        Path out = dev.tagline.core.manifest.ClipsFile.pathFor(video);
                        clips.write(out);
                        return clips.clips().size() + " clip(s) found; wrote " + dir.relativize(out);
                    }
                };
            }
        };
    }
}
