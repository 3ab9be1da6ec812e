package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioner;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.OpenAiCaptioner;
import dev.tagline.images.caption.QaChain;
import dev.tagline.images.caption.TagComposer;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.store.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline caption DIR}: caption every image (and tag it) and write the sidecars. Wiring only. */
@Command(name = "caption", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Caption an image folder with a vision model behind an OpenAI-compatible server (Ollama,"
            + " llama.cpp, vLLM, LM Studio, hosted APIs) or from tags, optionally after short questions, and write"
            + " .caption sidecars (and .txt tags with --tagger). Resumable: a stopped run continues where it left off.",
        footer = {"", "Exit codes: 0 all images captioned; 1 some images failed, no image in DIR, or the run was"
            + " stopped; 2 usage, server, model or configuration error."})
final class CaptionCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of images.")
    Path dir;
    @Option(names = "--captioner", paramLabel = "ID", description = "Required: openai:MODEL (a vision model at"
            + " --endpoint), florence-2-base or florence-2-large (-ft variants too, or the Hub id such as"
            + " microsoft/Florence-2-base-ft; in process on ONNX Runtime), or"
            + " tags (a caption composed from the tags, no model).")
    String captioner;
    @Option(names = "--model-path", paramLabel = "DIR", description = "In-process captioners: this folder's model"
            + " files instead of the model store.")
    Path modelPath;
    @Option(names = "--precision", paramLabel = "fp32|fp16|int8|q8|q4|uint8|q4f16|bnb4", description = "In-process captioners: the"
            + " model variant to load (default: the model's own; uint8, q4f16 and bnb4 from --model-path only).")
    String precision;
    @Mixin
    ServerOptions server = new ServerOptions();
    @Option(names = "--tagger", paramLabel = "ID", split = ",", description = "Tag first with these taggers (as"
            + " tagline tag); the tags go to the .txt sidecar and into the prompt's {tags}. Without it, {tags} holds"
            + " an existing .txt sidecar's tags.")
    List<String> taggers;
    @Option(names = "--tagger-model-path", paramLabel = "DIR", description = "Use this folder's model.onnx and tag"
            + " list for the (one) model tagger instead of the model store.")
    Path taggerModelPath;
    @Mixin
    DeviceOptions device;
    @Mixin
    TagRuleOptions rules;
    @Mixin
    PromptOptions prompt = new PromptOptions();
    @Mixin
    CaptionFiles files = new CaptionFiles();
    @Mixin
    FolderRunOptions folder = new FolderRunOptions();

    CaptionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (captioner == null || captioner.isBlank()) {
            throw new TaglineException("Choose a captioner with --captioner", "Write e.g. --captioner openai:llava"
                    + " --endpoint http://127.0.0.1:11434/v1, or --captioner tags --tagger wd-vit-tagger-v3.");
        }
        boolean composer = captioner.equals(TagComposer.ID);
        Optional<QaChain> qa = prompt.questions(ctx);
        if (composer && qa.isPresent()) {
            throw new TaglineException("--ask and --questions need a model that can answer", "Use --captioner"
                    + " openai:MODEL --endpoint URL.");
        }
        Path root = BatchEngine.requireWritableFolder(ctx.resolve(dir), "caption"); // before any model is loaded
        TagRules tagRules = rules.toRules(); // so is a bad rule option
        int workerNice = folder.workerNice();
        List<String> taggerIds = taggers == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(taggers));
        boolean hasTags = !taggerIds.isEmpty();
        if (taggerModelPath != null && taggerIds.stream().filter(id -> !id.equals(Taggers.QUALITY)).count() != 1) {
            throw new TaglineException("--tagger-model-path needs exactly one model tagger in --tagger, got "
                    + taggerIds, "Write e.g. --tagger my-wd --tagger-model-path DIR.");
        }
        CaptionRequest request = prompt.request(captioner, qa.isPresent(), hasTags);
        CaptionCleanup cleanup = prompt.cleanup();
        boolean readsTags = !hasTags && (composer || request.prompt().variables().contains("tags"));
        CaptionJob.Outputs outputs = files.outputs(qa.isPresent(), rules.separator(), hasTags, readsTags);
        PrintWriter err = ctx.err();
        ModelStore store = ModelStore.fromEnvironment(ctx.env(), TerminalProgress.forContext(ctx));
        List<ImageTagger> open = new ArrayList<>();
        Captioner model = null;
        try (OnnxSessions sessions = device.openSessions(new PrintWriter(java.io.Writer.nullWriter()))) {
            StringBuilder identity = new StringBuilder();
            Taggers taggerFactory = new Taggers(store, sessions, device.sessionConfig(), new Taggers.Options(8,
                    OptionalDouble.empty(), QualitySettings.DEFAULTS));
            for (String id : taggerIds) {
                ImageTagger tagger = taggerFactory.open(id, taggerModelPath == null ? null
                        : ctx.resolve(taggerModelPath));
                open.add(tagger);
                err.println("tagger " + tagger.describe());
                identity.append(tagger.id()).append(" (").append(tagger.revision()).append("); ");
            }
            model = new Captioners(store, sessions, device.sessionConfig(), server.options(ctx, precision))
                    .open(captioner, modelPath == null ? null : ctx.resolve(modelPath));
            err.println("captioner " + model.describe());
            err.println("jpeg decoder " + ImageLoader.jpegDecoder());
            CaptionJob job = new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), open,
                    tagRules, model, request, qa, cleanup, prompt.tagRetries, outputs, identity.toString(),
                    workerNice);
            BatchSummary summary;
            try {
                summary = folder.run(ctx, root, job, TagReport.observer(err),
                        List.of(outputs.caption().extension(), outputs.tags().extension()));
            } catch (TaglineException stopped) {
                // the tokens were spent (and charged) although the run stopped: say so above the error
                CaptionReport.tokens(ctx.out(), job.stats(), captioner.startsWith(Captioners.OPENAI));
                throw stopped;
            }
            CaptionReport.print(ctx.out(), summary, job.stats(), outputs, captioner.startsWith(Captioners.OPENAI),
                    !open.isEmpty());
            boolean none = FolderNotes.print(ctx.out(), summary, root, "caption");
            return none || summary.stopped() || summary.failed() > 0 ? ExitCode.SOME_FAILED : ExitCode.OK;
        } finally {
            open.forEach(ImageTagger::close);
            if (model != null) {
                model.close();
            }
        }
    }

    /** The OpenAI-compatible server of {@code openai:MODEL}. */
    static final class ServerOptions {
        @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL of the OpenAI-compatible server,"
                + " e.g. http://127.0.0.1:11434/v1 (Ollama). The key comes from TAGLINE_OPENAI_API_KEY or"
                + " OPENAI_API_KEY.")
        String endpoint;
        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + OpenAiCaptioner.DEFAULT_CONCURRENCY,
                description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
        int concurrency = OpenAiCaptioner.DEFAULT_CONCURRENCY;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "Per request, before it is retried (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds = 120;
        @Option(names = "--max-side", paramLabel = "PX", defaultValue = "" + OpenAiCaptioner.DEFAULT_MAX_SIDE,
                description = "Scale images down to this longest side before sending (default: ${DEFAULT-VALUE}).")
        int maxSide = OpenAiCaptioner.DEFAULT_MAX_SIDE;
        @Option(names = "--no-image", description = "Send the prompt alone (a text LLM writing a caption from"
                + " {tags}).")
        boolean noImage;

        Captioners.Options options(CliContext ctx, String precision) {
            if (timeoutSeconds < 1) {
                throw new TaglineException("--timeout must be at least 1 second, got " + timeoutSeconds, "");
            }
            String key = ctx.env().getOrDefault("TAGLINE_OPENAI_API_KEY", ctx.env().get("OPENAI_API_KEY"));
            return new Captioners.Options(Optional.ofNullable(endpoint), Optional.ofNullable(key), concurrency,
                    Duration.ofSeconds(timeoutSeconds), maxSide, !noImage, Optional.ofNullable(precision),
                    ctx.err()::println);
        }
    }

    /** Where captions, tags and answers go. */
    static final class CaptionFiles {
        @Option(names = "--caption-extension", paramLabel = "EXT", defaultValue = SidecarSettings.CAPTION_EXTENSION,
                description = "Caption sidecar extension (default: ${DEFAULT-VALUE}, what kohya's trainer reads).")
        String captionExtension = SidecarSettings.CAPTION_EXTENSION;
        @Option(names = "--tags-extension", paramLabel = "EXT", defaultValue = SidecarSettings.TAGS_EXTENSION,
                description = "Tag sidecar extension (default: ${DEFAULT-VALUE}).")
        String tagsExtension = SidecarSettings.TAGS_EXTENSION;
        @Option(names = "--existing", paramLabel = "POLICY", defaultValue = "skip",
                description = "When a sidecar exists: skip (the image is passed over when all of its sidecars"
                        + " exist), overwrite, append or prepend. Default: ${DEFAULT-VALUE}.")
        String existing = "skip";
        @Option(names = "--json", description = "Also write NAME.json with caption, tags and answers (always with"
                + " --ask or --questions).")
        boolean json;

        /**
         * {@code tagged}: a tagger runs, so a tags sidecar is written beside the caption; {@code readsTags}: no
         * tagger runs and the captioner needs the tags sidecar ({@code --captioner tags}, a prompt with {tags}).
         */
        CaptionJob.Outputs outputs(boolean questions, String separator, boolean tagged, boolean readsTags) {
            SidecarSettings.Existing policy = SidecarSettings.Existing.parse(existing);
            SidecarSettings tags = SidecarSettings.tags()
                    .withExtension(SidecarSettings.extension(tagsExtension, "--tags-extension")).withExisting(policy);
            if (!separator.contains(",")) {
                tags = new SidecarSettings(tags.extension(), policy, "", false);
            }
            SidecarSettings captions = SidecarSettings.captions()
                    .withExtension(SidecarSettings.extension(captionExtension, "--caption-extension")).withExisting(policy);
            if (tagged && captions.extension().equals(tags.extension())) {
                throw new TaglineException("--caption-extension and --tags-extension are both " + tags.extension(),
                        "Captions and tags are written in one pass to two files; give them different extensions.");
            }
            if (readsTags && captions.extension().equals(tags.extension())) {
                String ext = tags.extension();
                throw new TaglineException("The tags are read from the " + ext + " sidecars, so captions cannot be"
                        + " written to " + ext + " too (--caption-extension " + ext + ")", "To keep both, "
                        + (ext.equals(SidecarSettings.CAPTION_EXTENSION) ? "" : "caption into .caption (the"
                        + " default), or ") + "tag into another extension (tagline tag --extension .tags) and pass"
                        + " --tags-extension .tags.");
            }
            return new CaptionJob.Outputs(captions, tags, json || questions);
        }
    }
}
