package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchSummary;
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
import dev.tagline.inference.store.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline tag DIR}: tag every image with one or more taggers and write tag sidecars. Wiring only. */
@Command(name = "tag", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Tag an image folder with WD taggers (v3, v2), RAM++ and the built-in quality tagger, and write"
            + " one .txt sidecar per image. Resumable: a stopped run continues where it left off.",
        footer = {"", "Exit codes: 0 all images tagged; 1 some images failed, no image in DIR, or the run was"
            + " stopped; 2 usage, model or configuration error."})
final class TagCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of images.")
    Path dir;
    @Option(names = "--tagger", paramLabel = "ID", split = ",", defaultValue = Taggers.QUALITY,
            description = "Taggers to run, merged without duplicates: quality, wd-vit-tagger-v3, wd-swinv2-tagger-v3,"
                    + " wd-v1-4-moat-tagger-v2, ram-plus, … (tagline models list), or a Hub repository id such as"
                    + " SmilingWolf/wd-vit-tagger-v3. Default: ${DEFAULT-VALUE}.")
    List<String> taggers;
    @Option(names = "--model-path", paramLabel = "DIR", description = "Use this folder's model.onnx and tag list"
            + " for the (one) model tagger instead of the model store (a Hugging Face cache folder models--Org--name:"
            + " its refs/main snapshot).")
    Path modelPath;
    @Mixin
    DeviceOptions device;
    @Mixin
    TagRuleOptions rules;
    @Option(names = "--threshold", paramLabel = "P", description = "RAM++: one threshold for every tag instead of its"
            + " thresholds.txt (used when that file is missing; then 0.68).")
    Double ramThreshold;
    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
            description = "Images per model call (default: ${DEFAULT-VALUE}; models with a fixed batch use theirs).")
    int batch;
    @Mixin
    TagFiles files = new TagFiles();
    @Mixin
    FolderRunOptions folder = new FolderRunOptions();

    TagCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        int workerNice = folder.workerNice(); // before any model is loaded
        Path root = BatchEngine.requireWritableFolder(ctx.resolve(dir), "tag");
        TagRules tagRules = rules.toRules(); // a bad rule option is refused before any model loads
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taggers));
        long models = ids.stream().filter(id -> !id.equals(Taggers.QUALITY)).count();
        if (modelPath != null && models != 1) {
            throw new TaglineException("--model-path needs exactly one model tagger in --tagger, got " + ids,
                    "Run one model tagger per --model-path, e.g. --tagger my-wd --model-path DIR.");
        }
        PrintWriter err = ctx.err();
        ModelStore store = ModelStore.fromEnvironment(ctx.env(), TerminalProgress.forContext(ctx));
        Taggers.Options options = new Taggers.Options(batch, ramThreshold == null ? OptionalDouble.empty()
                : OptionalDouble.of(ramThreshold), QualitySettings.DEFAULTS);
        SidecarWriter writer = new SidecarWriter(files.sidecar(rules.separator()));
        List<ImageTagger> open = new ArrayList<>();
        try (OnnxSessions sessions = device.openSessions(new PrintWriter(java.io.Writer.nullWriter()))) {
            Taggers factory = new Taggers(store, sessions, device.sessionConfig(), options);
            StringBuilder identity = new StringBuilder();
            for (String id : ids) {
                ImageTagger tagger = factory.open(id, modelPath == null ? null : ctx.resolve(modelPath));
                open.add(tagger);
                err.println("tagger " + tagger.describe());
                identity.append(tagger.id()).append(" (").append(tagger.revision()).append("); ");
            }
            err.println("jpeg decoder " + ImageLoader.jpegDecoder());
            identity.append(files.sidecar(rules.separator()));
            TagJob job = new TagJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), open, tagRules,
                    writer, batch, identity.toString(), workerNice);
            BatchSummary summary = folder.run(ctx, root, job, TagReport.observer(ctx.err()),
                    List.of(files.sidecar(rules.separator()).extension()));
            TagReport.print(ctx.out(), summary, job.frequency(), job.sidecarsKept(), files.top,
                    files.frequency == null ? null : ctx.resolve(files.frequency));
            boolean none = FolderNotes.print(ctx.out(), summary, root, "tag");
            return none || summary.stopped() || summary.failed() > 0 ? ExitCode.SOME_FAILED : ExitCode.OK;
        } finally {
            open.forEach(ImageTagger::close);
        }
    }

    /** Where tag sidecars go, and the frequency report. */
    static final class TagFiles {
        @Option(names = "--extension", paramLabel = "EXT", defaultValue = SidecarSettings.TAGS_EXTENSION,
                description = "Sidecar extension (default: ${DEFAULT-VALUE}; kohya's trainer reads .caption unless"
                        + " told --caption_extension .txt).")
        String extension = SidecarSettings.TAGS_EXTENSION;
        @Option(names = "--existing", paramLabel = "POLICY", defaultValue = "skip",
                description = "When a sidecar exists: skip, overwrite, append or prepend (tags merged without"
                        + " duplicates). Default: ${DEFAULT-VALUE}.")
        String existing = "skip";
        @Option(names = "--top", paramLabel = "N", defaultValue = "20",
                description = "Show the N most frequent tags of the folder (default: ${DEFAULT-VALUE}; 0 = all).")
        int top = 20;
        @Option(names = "--frequency", paramLabel = "FILE", description = "Write every tag's image count (CSV).")
        Path frequency;

        SidecarSettings sidecar(String separator) {
            SidecarSettings s = SidecarSettings.tags().withExtension(SidecarSettings.extension(extension, "--extension"))
                    .withExisting(SidecarSettings.Existing.parse(existing));
            return separator.contains(",") ? s : new SidecarSettings(s.extension(), s.existing(), "", false);
        }
    }
}
