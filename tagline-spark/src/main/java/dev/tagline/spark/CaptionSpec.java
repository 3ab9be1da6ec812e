package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioner;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.images.caption.QaChain;
import dev.tagline.images.caption.TagComposer;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.onnx.Device;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code caption}: the CLI's {@link CaptionJob} with the same captioner, taggers, prompt, questions, clean-up and
 * sidecar settings as {@code tagline caption}, so that its fingerprint, records and sidecars equal the CLI's. The API
 * key of an {@code openai:} captioner is read from each executor's environment ({@code TAGLINE_OPENAI_API_KEY}, else
 * {@code OPENAI_API_KEY}) when the job loads there; it is never part of the spec, so it is neither on the command line
 * nor shipped with the tasks.
 *
 * @param model       the captioner and how it is opened
 * @param taggers     tagger ids, as {@code --tagger} (empty: {@code {tags}} holds an existing {@code .txt} sidecar's)
 * @param taggerModelPath a model folder on every machine for the one model tagger, or null
 * @param prompt      what is asked and how the answer is cleaned
 * @param sidecars    where captions, tags and answers go
 * @param taglineHome {@code TAGLINE_HOME} on the executors, or null; {@code offline} never download there
 */
public record CaptionSpec(Model model, List<String> taggers, String taggerModelPath, TagRules rules, Prompt prompt,
                          Sidecars sidecars, String taglineHome, boolean offline, String device) implements JobSpec {
    /**
     * The captioner: {@code florence-2-*} in process ({@code modelPath}: an export folder on every machine;
     * {@code precision}: its variant), {@code openai:MODEL} at {@code endpoint}, or {@code tags}.
     */
    public record Model(String captioner, String modelPath, String precision, String endpoint, int concurrency,
                        int timeoutSeconds, int maxSide, boolean sendImage) implements Serializable {
    }

    /**
     * What is asked: {@code text} null for the captioner's default prompt; the Q/A chain as {@code --ask} text
     * ({@code ask}, or null) or a questions file's lines ({@code questionLines}, read on the driver), none when both
     * are absent.
     */
    public record Prompt(String text, String system, GenerationSettings generation, String ask,
                         List<String> questionLines, CaptionCleanup cleanup, int tagRetries) implements Serializable {
        public Prompt {
            questionLines = List.copyOf(questionLines);
        }
    }

    /** Sidecar extensions, the policy for existing ones, and whether {@code NAME.json} is written. */
    public record Sidecars(String captionExtension, String tagsExtension, String existing, boolean json)
            implements Serializable {
    }

    public CaptionSpec {
        taggers = List.copyOf(new LinkedHashSet<>(taggers));
    }

    @Override
    public String name() {
        return "caption";
    }

    Optional<QaChain> qa() {
        return prompt.ask() != null ? Optional.of(QaChain.parseAsk(prompt.ask()))
                : prompt.questionLines().isEmpty() ? Optional.empty()
                : Optional.of(QaChain.parseLines(prompt.questionLines()));
    }

    /** The request as {@code tagline caption} builds it (PromptOptions#request). */
    CaptionRequest request() {
        boolean questions = qa().isPresent();
        if (questions && model.captioner().equals(TagComposer.ID)) {
            throw new TaglineException("--ask and --questions need a model that can answer", "Use --captioner"
                    + " openai:MODEL --endpoint URL.");
        }
        Set<String> known = questions ? Set.of("tags", "name", "folder", "qa") : Set.of("tags", "name", "folder");
        String text = prompt.text() != null ? prompt.text()
                : Captioners.defaultPrompt(model.captioner(), !taggers.isEmpty());
        if (questions && !text.contains("{qa}")) {
            text = "{qa} " + text;
        }
        return new CaptionRequest(PromptTemplate.parseOption(text, known, questions),
                Optional.ofNullable(prompt.system()), prompt.generation());
    }

    /** The outputs as {@code tagline caption} builds them (CaptionCommand.CaptionFiles#outputs). */
    CaptionJob.Outputs outputs() {
        SidecarSettings.Existing policy = SidecarSettings.Existing.parse(sidecars.existing());
        SidecarSettings tags = SidecarSettings.tags().withExtension(sidecars.tagsExtension()).withExisting(policy);
        if (!rules.separator().contains(",")) {
            tags = new SidecarSettings(tags.extension(), policy, "", false);
        }
        SidecarSettings captions = SidecarSettings.captions().withExtension(sidecars.captionExtension())
                .withExisting(policy);
        // without a tagger no tags file is written: .txt captions (taggui, OneTrainer) are fine, as in the CLI
        if (!taggers.isEmpty() && captions.extension().equals(tags.extension())) {
            throw new TaglineException("--caption-extension and --tags-extension are both " + tags.extension(),
                    "Captions and tags are written in one pass to two files; give them different extensions.");
        }
        return new CaptionJob.Outputs(captions, tags, sidecars.json() || qa().isPresent());
    }

    /** This spec, once its prompt, questions and sidecar settings are known to be valid (before Spark starts). */
    CaptionSpec checked() {
        request();
        outputs();
        return this;
    }

    @Override
    public LoadedJob<?, ?> load() {
        CaptionRequest request = request();
        CaptionJob.Outputs outputs = outputs();
        Optional<QaChain> qa = qa();
        ModelStore store = JobSpec.modelStore(taglineHome, offline);
        SessionConfig config = SessionConfig.defaults().withDevice(Device.parse(device));
        OnnxSessions sessions = new OnnxSessions(m -> { });
        List<ImageTagger> open = new ArrayList<>();
        try {
            Taggers factory = new Taggers(store, sessions, config, new Taggers.Options(8, OptionalDouble.empty(),
                    QualitySettings.DEFAULTS));
            StringBuilder identity = new StringBuilder();
            for (String id : taggers) {
                ImageTagger tagger = factory.open(id, taggerModelPath == null ? null : Path.of(taggerModelPath));
                open.add(tagger);
                identity.append(tagger.id()).append(" (").append(tagger.revision()).append("); ");
            }
            // the executor's own environment: the key never travels with the job's settings
            String key = System.getenv().getOrDefault("TAGLINE_OPENAI_API_KEY", System.getenv("OPENAI_API_KEY"));
            Captioners.Options options = new Captioners.Options(Optional.ofNullable(model.endpoint()),
                    Optional.ofNullable(key), model.concurrency(), Duration.ofSeconds(model.timeoutSeconds()),
                    model.maxSide(), model.sendImage(), Optional.ofNullable(model.precision()));
            Captioner captioner = new Captioners(store, sessions, config, options).open(model.captioner(),
                    model.modelPath() == null ? null : Path.of(model.modelPath()));
            return new Loaded(this, open, captioner, request, qa, outputs, sessions, identity.toString());
        } catch (RuntimeException e) {
            open.forEach(ImageTagger::close);
            sessions.close();
            throw e;
        }
    }

    private record Loaded(CaptionSpec spec, List<ImageTagger> taggers, Captioner captioner, CaptionRequest request,
                          Optional<QaChain> qa, CaptionJob.Outputs outputs, OnnxSessions sessions, String identity)
            implements LoadedJob<CaptionJob.Item, CaptionJob.Result> {
        @Override
        public String fingerprint() {
            return newJob().fingerprint();
        }

        @Override
        public CaptionJob newJob() {
            return new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), taggers, spec.rules(),
                    captioner, request, qa, spec.prompt().cleanup(), spec.prompt().tagRetries(), outputs, identity);
        }

        @Override
        public OutputRow row(BatchJob<CaptionJob.Item, CaptionJob.Result> batchJob, ScanEntry entry,
                             CaptionJob.Item input, CaptionJob.Result result, boolean sidecars) {
            CaptionJob job = (CaptionJob) batchJob;
            List<OutputRow.Model> models = new ArrayList<>();
            job.taggers().forEach(t -> models.add(new OutputRow.Model(t.id(), t.revision())));
            models.add(new OutputRow.Model(captioner.id(), captioner.revision()));
            String record = job.record(entry, result, sidecars); // an item that failed throws, as on the CLI
            if (result.skipped() != null) {
                return OutputRow.result("caption", "", "skipped", result.skipped(), 0, 0, List.of(), null, null,
                        List.of(), models, record);
            }
            var image = input.prepared().input().image();
            List<OutputRow.Tag> tags = result.scored().stream().map(t -> new OutputRow.Tag(t.name(), t.score(),
                    t.category().name().toLowerCase(Locale.ROOT))).toList();
            List<OutputRow.Answer> qa = job.answers(result).stream()
                    .map(a -> new OutputRow.Answer(a.question(), a.answer())).toList();
            return OutputRow.result("caption", "", "ok", "", image.width(), image.height(), tags,
                    taggers.isEmpty() ? null : result.tagText(), job.caption(result), qa, models, record);
        }

        @Override
        public String sidecarExtension() {
            return outputs.caption().extension();
        }

        @Override
        public void close() {
            taggers.forEach(ImageTagger::close);
            captioner.close();
            sessions.close();
        }
    }
}
