package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.video.copy.Copywriter;
import dev.tagline.video.copy.HeuristicCopywriter;
import dev.tagline.video.copy.LlmCopywriter;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegLocator;
import dev.tagline.video.render.Aspect;
import dev.tagline.video.render.CaptionStyle;
import dev.tagline.video.render.ClipAnalyser;
import dev.tagline.video.render.ClipPipeline;
import dev.tagline.video.render.ClipRenderer;
import dev.tagline.video.render.EncodeSettings;
import dev.tagline.video.render.FaceFinder;
import dev.tagline.video.render.ReframeMode;
import dev.tagline.video.render.RenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline clips render VIDEO}: ready-to-post clips from {@code VIDEO.clips.json} (issue #8). */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the clips of VIDEO.clips.json as ready-to-post vertical videos.",
            "Each clip gets a folder under VIDEO.clips/: the video with burned-in captions, a thumbnail, copy per "
                + "platform and clip.json."})
final class RenderCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "VIDEO", description = "The long video the clips were found in.")
    Path video;

    @Option(names = "--clips", paramLabel = "FILE", description = "Clips file (default: VIDEO.clips.json beside it).")
    Path clipsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: VIDEO.clips/ beside it).")
    Path out;

    @Option(names = "--only", paramLabel = "N", description = "Render only the clip ranked N.")
    Integer only;

    @Option(names = "--dry-run", description = "Print the FFmpeg commands instead of rendering.")
    boolean dryRun;

    @Option(names = "--aspect", paramLabel = "RATIO", defaultValue = "9:16",
            description = "9:16 (1080x1920, default), 4:5, 1:1 or 16:9.")
    String aspect;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
            description = "Reframing: auto (per scene), track, screencast, screen-crop, blur-pad, fit or center.")
    String mode;

    @Option(names = "--no-captions", description = "Do not burn in captions (.srt/.vtt are still written).")
    boolean noCaptions;

    @Option(names = "--caption-style", paramLabel = "PRESET", defaultValue = "bold",
            description = "bold (karaoke, upper case; default), clean (phrases) or gold.")
    String captionStyle;

    @Option(names = "--caption-mode", paramLabel = "MODE", description = "karaoke or phrase (default: the style's).")
    String captionMode;

    @Option(names = "--fonts", paramLabel = "DIR", description = "Fonts folder for captions (default: DejaVu).")
    Path fonts;

    @Option(names = "--font", paramLabel = "FAMILY", description = "Caption font family (default DejaVu Sans).")
    String font;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "medium",
            description = "x264 preset (default medium; ultrafast for drafts).")
    String preset;

    @Option(names = "--force", description = "Render every clip again, also those whose folder already holds a"
            + " complete render with the same settings (passed over by default).")
    boolean force;

    @Option(names = "--reset-review", description = "Write fresh copy and accept the clip again, instead of keeping the "
            + "accepted flag and the edited title, caption and hashtags of the clip's existing clip.json.")
    boolean resetReview;

    @Option(names = "--tagger", paramLabel = "ID", description = "Image taggers for keyframe hashtags, as in 'tagline tag': quality, wd-vit-tagger-v3, ram-plus …")
    List<String> taggerIds = new ArrayList<>();

    @Option(names = "--copywriter", paramLabel = "openai:MODEL",
            description = "Write titles and hashtags with an LLM at --endpoint (falls back to the built-in copy).")
    String copywriter;

    @Option(names = "--copywriter-max-tokens", paramLabel = "N", defaultValue = "" + LlmCopywriter.DEFAULT_MAX_TOKENS,
            description = "Longest answer the --copywriter model may write, its reasoning included, sent as max_tokens"
                    + " (default ${DEFAULT-VALUE}; raise it for a reasoning model).")
    int copywriterMaxTokens;

    @Option(names = "--endpoint", paramLabel = "URL", description = "OpenAI-compatible server for --copywriter.")
    String endpoint;

    @Option(names = "--ffmpeg", paramLabel = "PATH", description = "ffmpeg program or its folder (default: PATH).")
    Path ffmpeg;

    @Mixin
    DeviceOptions device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    RenderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AnswerLimit copywriterLimit = new AnswerLimit("--copywriter-max-tokens", copywriterMaxTokens);
        Path file = ctx.existingFile(video);
        Path clipsPath = clipsFile == null ? ClipsFile.pathFor(file) : ctx.resolve(clipsFile);
        if (!Files.isRegularFile(clipsPath)) {
            throw new TaglineException("No clips file at " + clipsPath, "Run 'tagline clips find " + video
                    + "' first, or give --clips FILE.");
        }
        ClipsFile found = ClipsFile.read(clipsPath);
        List<ClipCandidate> clips = found.clips().stream()
                .filter(c -> only == null || c.rank() == only).toList();
        if (clips.isEmpty()) {
            throw only == null ? new TaglineException(clipsPath + " has no clips" + (found.notes().isEmpty() ? ""
                    : " (" + String.join(" ", found.notes()) + ")"), "Run 'tagline clips find " + video
                    + "' again with other settings, or pick another video.")
                    : new TaglineException("There is no clip ranked " + only + " in " + clipsPath, "Pick another"
                    + " --only (" + found.clips().size() + " clips there), or run 'tagline clips find' again.");
        }
        RenderOptions options = options();
        Path outDir = out == null ? file.resolveSibling(ClipsFile.pathFor(file).getFileName().toString()
                .replaceFirst("\\.json$", "")) : ctx.resolve(out);
        Copywriter copy = copywriter(copywriterLimit);
        Ffmpeg tools = new Ffmpeg(new FfmpegLocator(ctx.env()).locate(Optional.ofNullable(ffmpeg).map(ctx::resolve)),
                new ProcessRunner(), Duration.ofHours(6));
        boolean needFaces = options.mode().map(ReframeMode::needsFaces).orElse(true);
        StopSignal stop = new StopSignal();
        int rendered = 0;
        int passed = 0;
        int copied = 0;
        try (CtrlC ignored = dryRun ? null : CtrlC.installInterrupting(stop, Thread.currentThread(),
                "the clip under way", ctx.err());
             OnnxSessions sessions = device.openSessions(TerminalProgress.lines(ctx))) {
            ModelStore store = ModelStore.fromEnvironment(ctx.env(), TerminalProgress.forContext(ctx));
            BuiltinModels models = BuiltinModels.open(store, sessions, device.sessionConfig());
            Taggers taggers = new Taggers(store, sessions, device.sessionConfig(),
                    new Taggers.Options(8, java.util.OptionalDouble.empty(), QualitySettings.DEFAULTS));
            FaceFinder faces = needFaces ? FaceFinder.lazy(() -> models.faces(FaceSettings.DEFAULTS))
                    : FaceFinder.NONE;
            ClipPipeline pipeline = new ClipPipeline(tools, new ClipRenderer(tools, new ProcessRunner(),
                    Duration.ofHours(6)), new ClipAnalyser(tools, faces), copy, RenderModels.taggers(taggerIds, taggers),
                    dryRun ? dev.tagline.core.progress.Progress.Factory.NONE : TerminalProgress.forContext(ctx));
            ClipPipeline.Source source = pipeline.open(file);
            pipeline.requireClipsOf(source, found, clipsPath);
            for (ClipCandidate clip : clips) {
                if (stop.requested()) {
                    break;
                }
                if (dryRun) {
                    ctx.out().println("# clip " + clip.rank());
                    pipeline.plan(source, clip, outDir, options).forEach(ctx.out()::println);
                    continue;
                }
                ClipPipeline.Check check = force ? new ClipPipeline.Check(ClipPipeline.Standing.RENDER, null)
                        : pipeline.check(source, clip, outDir, options);
                String id = pipeline.id(source, clip);
                switch (check.standing()) {
                    case CURRENT -> ctx.out().println(String.format(Locale.ROOT, "%-3d %s: already rendered with these"
                            + " settings, passed over; --force renders it again", clip.rank(), id));
                    case COPY_EDITED -> ctx.out().println(String.format(Locale.ROOT, "%-3d %s: video up to date; kept"
                            + " the reviewed copy of its clip.json, passed over; --reset-review writes fresh copy with"
                            + " these settings", clip.rank(), id));
                    case COPY_OUTDATED -> {
                        ClipManifest m = pipeline.rewriteCopy(source, clip, outDir, options).manifest();
                        ctx.out().println(String.format(Locale.ROOT, "%-3d %s: video up to date; copy rewritten with"
                                + " %s", clip.rank(), id, m.render().copy().source()));
                        warnFallback(m);
                        copied++;
                    }
                    case RENDER -> {
                        if (check.reason() != null) {
                            ctx.out().println(String.format(Locale.ROOT, "%-3d %s: %s; rendering it again (a change"
                                    + " made by hand is replaced)", clip.rank(), id, check.reason()));
                        }
                        print(clip, pipeline.render(source, clip, outDir, options));
                        rendered++;
                    }
                }
                if (check.standing() == ClipPipeline.Standing.CURRENT
                        || check.standing() == ClipPipeline.Standing.COPY_EDITED) {
                    passed++;
                }
            }
        } catch (RuntimeException e) {
            if (!stop.requested()) {
                throw e;
            }
        }
        Thread.interrupted(); // a stop that came after the last clip was done
        if (stop.requested() && rendered + passed + copied < clips.size()) {
            ctx.out().println("Stopped before the end: run the same command again to continue.");
            return ExitCode.SOME_FAILED;
        }
        if (!dryRun) {
            List<String> also = new ArrayList<>();
            if (copied > 0) {
                also.add(copied + " with only " + (copied == 1 ? "its" : "their") + " copy rewritten");
            }
            if (passed > 0) {
                also.add(passed + " already rendered, passed over");
            }
            ctx.out().println("Wrote " + Counts.of(rendered, "clip") + " to " + outDir + (also.isEmpty() ? ""
                    : " (" + String.join("; ", also) + ")"));
        }
        return ExitCode.OK;
    }

    private void print(ClipCandidate clip, ClipPipeline.Rendered r) {
        ClipManifest m = r.manifest();
        ctx.out().println(String.format(Locale.ROOT, "%-3d %s  %5.1fs  %s  \"%s\"", clip.rank(), m.id(),
                m.durationSeconds(), String.join("/", m.render().scenes().stream().map(
                        ClipManifest.SceneMode::mode).distinct().toList()), m.copy().title()));
        String fallback = m.render().copy() == null ? null : m.render().copy().fallback();
        m.render().notes().stream().filter(n -> !n.equals(fallback)).forEach(n -> ctx.out().println("    note: " + n));
        warnFallback(m);
        if (r.reviewKept()) {
            ctx.out().println("    kept the review of the existing clip.json (" + (m.accepted() ? "accepted"
                    : "rejected") + ", its title, caption and hashtags); --reset-review writes fresh copy");
        }
        ctx.out().flush();
    }

    /** The copywriter model's fallback to the built-in copy, as a plain warning line (dogfood round 9, L3). */
    private void warnFallback(ClipManifest m) {
        if (m.render().copy() != null && m.render().copy().fallback() != null) {
            ctx.out().flush();
            ctx.err().println("warning: " + m.id() + ": " + m.render().copy().fallback());
            ctx.err().flush();
        }
    }

    private RenderOptions options() {
        if (!EncodeSettings.PRESETS.contains(preset)) {
            throw new TaglineException("--preset " + preset + " is not an x264 preset",
                    "Use one of " + String.join(", ", EncodeSettings.PRESETS) + ".");
        }
        CaptionStyle style = CaptionStyle.preset(captionStyle);
        if (captionMode != null) {
            switch (captionMode.toLowerCase(Locale.ROOT)) {
                case "karaoke" -> style = style.withKaraoke(true);
                case "phrase" -> style = style.withKaraoke(false);
                default -> throw new TaglineException("--caption-mode " + captionMode + " is not karaoke or phrase",
                        "Write --caption-mode karaoke or --caption-mode phrase.");
            }
        }
        if (font != null) {
            style = style.withFont(font);
        }
        Optional<Path> fontsDir = Optional.ofNullable(fonts).map(ctx::resolve);
        fontsDir.filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
            throw new TaglineException("--fonts " + d + " is not a folder", "Give the folder that holds the .ttf files.");
        });
        Optional<ReframeMode> reframe = mode.equalsIgnoreCase("auto") ? Optional.empty()
                : Optional.of(ReframeMode.parse(mode));
        return new RenderOptions(Aspect.parse(aspect), reframe, !noCaptions, style, fontsDir,
                EncodeSettings.DEFAULTS.withPreset(preset), !resetReview);
    }

    private Copywriter copywriter(AnswerLimit copywriterLimit) {
        if (copywriter == null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--copywriter-max-tokens")) {
                ctx.err().println("note: --copywriter-max-tokens has no effect without --copywriter; the built-in copy"
                        + " is written");
            }
            return new HeuristicCopywriter();
        }
        if (!copywriter.startsWith("openai:") || copywriter.length() == "openai:".length() || endpoint == null) {
            throw new TaglineException("--copywriter " + copywriter + " needs the form openai:MODEL and --endpoint",
                    "Write e.g. --copywriter openai:gpt-4o-mini --endpoint https://api.openai.com/v1.");
        }
        return new LlmCopywriter(new ChatClient(OpenAiEndpoint.of(endpoint, ctx.env().get("OPENAI_API_KEY")),
                Duration.ofMinutes(2), ctx.err()::println), copywriter.substring("openai:".length()),
                new HeuristicCopywriter(), copywriterLimit, endpoint);
    }
}
