package dev.tagline.web;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The video {@link JobKinds}: find clips in a video and render a video's found clips, as the CLI does. */
final class VideoJobKinds {
    /** The reframing modes a render job takes, as {@code tagline clips render --mode} does. */
    static final List<String> REFRAME_MODES = List.of("auto", "track", "screencast", "screen-crop", "blur-pad", "center",
            "fit");
    /** The output frames, as {@code --aspect}: 9:16 for Shorts, Reels and TikTok, 4:5 and 1:1 for feeds. */
    static final List<String> ASPECTS = List.of("9:16", "4:5", "1:1", "16:9");
    /** The caption presets, as {@code --caption-style}. */
    static final List<String> CAPTION_STYLES = List.of("bold", "clean", "gold");
    /** The clip lengths, as {@code clips find --length}: medium (30-60 s) is the CLI's default band. */
    static final List<String> LENGTHS = List.of("medium", "short", "long");

    /** {@code form}'s {@code field}, its first offered value when absent; one of {@code offered}, else a 400. */
    static String choice(Map<String, String> form, String field, String what, List<String> offered) {
        String value = form.getOrDefault(field, offered.get(0));
        if (!offered.contains(value)) {
            throw new TaglineException(what + " '" + value + "' is not one of " + String.join(", ", offered),
                    "Pick one from the list.");
        }
        return value;
    }

    private VideoJobKinds() {
    }

    /**
     * {@code tagline clips render} for the clips of one {@code VIDEO.clips.json} ({@code path}, relative to the
     * folder): reframing {@code auto} (per scene, the CLI's default), {@code track}, {@code screencast},
     * {@code blur-pad}, {@code center} or {@code fit}, with the built-in face model pulled and loaded only when a scene
     * needs it; captions from the transcript beside the video unless {@code captions} is off, x264 {@code preset}; the
     * clips go to {@code VIDEO.clips/} as the CLI writes them. While a clip renders, the task names it ("Rendering
     * talk-002 (clip 2 of 3)") and the count is seconds of that clip encoded; at the end, clips rendered of all. A
     * cancel interrupts the worker, which stops the FFmpeg child at once; the half-rendered clip's temporary files go
     * and the message says which clip was stopped and how many were rendered.
     */
    static JobKinds.Kind render(Map<String, String> env) {
        return new JobKinds.Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Render " + form.getOrDefault("path", "?") + " in " + root;
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                Path clipsFile = JobKinds.inside(dir, form.get("path"));
                if (!clipsFile.getFileName().toString().endsWith(".clips.json") || !java.nio.file.Files.isRegularFile(
                        clipsFile)) {
                    throw new TaglineException("No clips file " + form.get("path"), "Pick a video on /clips that has"
                            + " clips found ('tagline clips find').");
                }
                String mode = choice(form, "mode", "Reframe mode", REFRAME_MODES);
                String aspect = choice(form, "aspect", "Aspect ratio", ASPECTS);
                String style = choice(form, "style", "Caption style", CAPTION_STYLES);
                String preset = form.getOrDefault("preset", "medium");
                if (!preset.matches("ultrafast|superfast|veryfast|faster|fast|medium|slow")) {
                    throw new TaglineException("x264 preset '" + preset + "' is not offered", "Pick one from the list.");
                }
                dev.tagline.video.render.RenderOptions options = new dev.tagline.video.render.RenderOptions(
                        dev.tagline.video.render.Aspect.parse(aspect), mode.equals("auto") ? java.util.Optional.empty()
                        : java.util.Optional.of(dev.tagline.video.render.ReframeMode.parse(mode)),
                        !"off".equals(form.get("captions")),
                        dev.tagline.video.render.CaptionStyle.preset(style), java.util.Optional.empty(),
                        dev.tagline.video.render.EncodeSettings.DEFAULTS.withPreset(preset));
                return job -> {
                    dev.tagline.core.manifest.ClipsFile clips = dev.tagline.core.manifest.ClipsFile.read(clipsFile);
                    Path video = clipsFile.resolveSibling(clips.source().path());
                    Path out = clipsFile.resolveSibling(clipsFile.getFileName().toString().replaceFirst("\\.json$", ""));
                    dev.tagline.video.ffmpeg.Ffmpeg tools = new dev.tagline.video.ffmpeg.Ffmpeg(
                            new dev.tagline.video.ffmpeg.FfmpegLocator(env).locate(java.util.Optional.empty()),
                            new dev.tagline.core.process.ProcessRunner(), java.time.Duration.ofHours(6));
                    int count = clips.clips().size();
                    job.total(count);
                    Thread worker = Thread.currentThread();
                    job.onCancel(worker::interrupt);
                    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                    java.util.concurrent.atomic.AtomicReference<String> current =
                            new java.util.concurrent.atomic.AtomicReference<>("");
                    job.describeCancel(() -> "Cancelled " + (current.get().isEmpty() ? "" : "while rendering "
                            + current.get() + "; its unfinished files were removed and any earlier render of it kept")
                            + (current.get().isEmpty() ? "after " : ". ") + done.get() + " of "
                            + ClipCards.clips(count) + " rendered");
                    dev.tagline.core.progress.Progress.Factory perClip = (task, total, unit) -> {
                        current.set(task.replaceFirst("^Rendering ", "") + " (clip " + (done.get() + 1) + " of "
                                + count + ")");
                        return job.progress().start(task + " (clip " + (done.get() + 1) + " of " + count + ")",
                                total, unit);
                    };
                    int kept = 0;
                    List<String> notes = new java.util.ArrayList<>();
                    try (dev.tagline.inference.onnx.OnnxSessions sessions =
                                 new dev.tagline.inference.onnx.OnnxSessions(model -> { })) {
                        dev.tagline.inference.BuiltinModels models = dev.tagline.inference.BuiltinModels.open(
                                dev.tagline.inference.store.ModelStore.fromEnvironment(env,
                                        dev.tagline.core.progress.Progress.Factory.NONE), sessions,
                                dev.tagline.inference.onnx.SessionConfig.defaults());
                        dev.tagline.video.render.FaceFinder faces = dev.tagline.video.render.FaceFinder.lazy(
                                () -> models.faces(dev.tagline.inference.faces.FaceSettings.DEFAULTS));
                        dev.tagline.video.render.ClipPipeline pipeline = new dev.tagline.video.render.ClipPipeline(
                                tools, new dev.tagline.video.render.ClipRenderer(tools,
                                        new dev.tagline.core.process.ProcessRunner(), java.time.Duration.ofHours(6)),
                                new dev.tagline.video.render.ClipAnalyser(tools, faces),
                                new dev.tagline.video.copy.HeuristicCopywriter(), List.of(), perClip);
                        dev.tagline.video.render.ClipPipeline.Source source = pipeline.open(video);
                        pipeline.requireClipsOf(source, clips, clipsFile);
                        for (dev.tagline.core.manifest.ClipCandidate clip : clips.clips()) {
                            if (job.cancelled()) {
                                break;
                            }
                            dev.tagline.video.render.ClipPipeline.Rendered r = pipeline.render(source, clip, out,
                                    options);
                            done.incrementAndGet();
                            current.set("");
                            kept += r.reviewKept() ? 1 : 0;
                            r.manifest().render().notes().forEach(n -> notes.add(r.manifest().id() + ": " + n));
                        }
                    }
                    job.progress().start("Rendered " + clipsFile.getFileName(), count,
                            dev.tagline.core.progress.Progress.Unit.ITEMS).jumpTo(done.get());
                    return "Rendered " + done + " of " + ClipCards.clips(clips.clips().size()) + " to "
                            + dir.relativize(out) + (kept == 0 ? "" : "; kept the review (accepted, title, caption,"
                            + " hashtags) of " + kept + " already reviewed") + (notes.isEmpty() ? ""
                            : ". Note: " + String.join(" ", notes));
                };
            }
        };
    }


    /**
     * {@code clips find --endpoint URL --stt-model MODEL --language CODE} from the form's {@code endpoint},
     * {@code stt_model} (whisper-1 by default) and {@code language}; none without an endpoint. The key is the
     * server's environment's {@code TAGLINE_OPENAI_API_KEY} or {@code OPENAI_API_KEY}, as for captions.
     */
    static java.util.Optional<dev.tagline.video.transcript.SpeechToText> speechToText(Map<String, String> env,
                                                                                     Map<String, String> form) {
        String endpoint = form.getOrDefault("endpoint", "").strip();
        if (endpoint.isEmpty()) {
            return java.util.Optional.empty();
        }
        CaptionJobKind.checkEndpoint(endpoint);
        String model = form.getOrDefault("stt_model", "").strip();
        model = model.isEmpty() ? "whisper-1" : model;
        if (!model.matches("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}")) {
            throw new TaglineException("Speech-to-text model '" + model + "' is not a model name",
                    "Give the name the server knows, e.g. whisper-1 or Systran/faster-whisper-small.");
        }
        String language = form.getOrDefault("language", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (!language.isEmpty() && !language.matches("[a-z]{2,3}")) {
            throw new TaglineException("Language '" + language + "' is not an ISO 639-1 code",
                    "Give a code such as en or de, or leave it empty to let the server detect it.");
        }
        return java.util.Optional.of(new dev.tagline.video.transcript.OpenAiSpeechToText(
                new dev.tagline.inference.openai.TranscriptionClient(dev.tagline.inference.openai.OpenAiEndpoint.of(
                        endpoint, env.getOrDefault("TAGLINE_OPENAI_API_KEY", env.get("OPENAI_API_KEY"))),
                        java.time.Duration.ofMinutes(10)), model,
                language.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(language)));
    }

    /**
     * {@code tagline clips find} on one video ({@code path}) with the built-in models and the CLI's defaults (subtitles
     * beside the video as the transcript, else the speech-to-text server at {@code endpoint}), clips of a
     * {@code length} preset (medium, 30–60 s, by default) and optionally exactly {@code count} of them; writes
     * {@code VIDEO.clips.json}, which /clips then shows with its render button. The finder reports progress but has
     * no stop point of its own, so a cancel interrupts it (its ffmpeg child is stopped with it).
     */
    static JobKinds.Kind find(Map<String, String> env, java.time.Clock clock) {
        return new JobKinds.Kind() {
            @Override
            public String title(String root, Map<String, String> form) {
                return "Find clips in " + form.getOrDefault("path", "?") + " (" + root + ")";
            }

            @Override
            public Jobs.Work work(Path dir, Map<String, String> form) {
                Path video = JobKinds.inside(dir, form.get("path"));
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
                String length = choice(form, "length", "Clip length", LENGTHS);
                java.util.Optional<dev.tagline.video.transcript.SpeechToText> stt = speechToText(env, form);
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
                                        dev.tagline.video.highlight.DurationBand.preset(length), count, stt,
                                        java.util.Optional.empty(), dev.tagline.video.signal.DecodeOptions.DEFAULT,
                                        java.util.Optional.empty(), models);
                        dev.tagline.core.manifest.ClipsFile clips = new dev.tagline.video.highlight.ClipFinder(tools,
                                clock, job.progress()).find(video, options);
                        Path out = dev.tagline.core.manifest.ClipsFile.pathFor(video);
                        clips.write(out);
                        return ClipCards.clips(clips.clips().size()) + " found; wrote " + dir.relativize(out);
                    }
                };
            }
        };
    }
}
