package dev.tagline.spark;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.TagJob;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.onnx.Device;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code tag}: the CLI's {@link TagJob} with the same taggers, rules and sidecar settings, so that its fingerprint,
 * records and sidecars equal {@code tagline tag}'s.
 *
 * @param taggers      tagger ids, as {@code --tagger}
 * @param modelPath    a model folder on every machine for the one model tagger, or null
 * @param taglineHome  {@code TAGLINE_HOME} on the executors (a shared model store, or the folder an {@code --archives}
 *                     entry unpacks to); null keeps each machine's environment
 * @param offline      never download on executors (the default: models come with the job or from the shared store)
 * @param extension    sidecar extension; {@code existing} the policy for an existing sidecar (skip, overwrite, …)
 */
public record TagSpec(List<String> taggers, String modelPath, String taglineHome, boolean offline, String device,
                      int batch, Double ramThreshold, TagRules rules, String extension, String existing)
        implements JobSpec {
    public TagSpec {
        taggers = List.copyOf(taggers);
    }

    @Override
    public String name() {
        return "tag";
    }

    SidecarSettings sidecar() {
        SidecarSettings s = SidecarSettings.tags().withExtension(extension)
                .withExisting(SidecarSettings.Existing.parse(existing));
        // as TagCommand.TagFiles#sidecar: a separator without a comma writes the text as is, not as a tag list
        return rules.separator().contains(",") ? s : new SidecarSettings(s.extension(), s.existing(), "", false);
    }

    @Override
    public LoadedJob<?, ?> load() {
        ModelStore store = JobSpec.modelStore(taglineHome, offline);
        SessionConfig config = SessionConfig.defaults().withDevice(Device.parse(device));
        OnnxSessions sessions = new OnnxSessions(model -> { });
        Taggers factory = new Taggers(store, sessions, config, new Taggers.Options(batch,
                ramThreshold == null ? OptionalDouble.empty() : OptionalDouble.of(ramThreshold),
                QualitySettings.DEFAULTS));
        List<ImageTagger> open = new ArrayList<>();
        StringBuilder identity = new StringBuilder();
        for (String id : new java.util.LinkedHashSet<>(taggers)) {
            ImageTagger tagger = factory.open(id, modelPath == null ? null : Path.of(modelPath));
            open.add(tagger);
            identity.append(tagger.id()).append(" (").append(tagger.revision()).append("); ");
        }
        identity.append(sidecar());
        return new Loaded(this, open, sessions, identity.toString());
    }

    private record Loaded(TagSpec spec, List<ImageTagger> taggers, OnnxSessions sessions, String identity)
            implements LoadedJob<TagJob.Item, TagJob.Result> {
        @Override
        public String fingerprint() {
            return newJob().fingerprint();
        }

        @Override
        public TagJob newJob() {
            return new TagJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), taggers, spec.rules(),
                    new SidecarWriter(spec.sidecar()), spec.batch(), identity,
                    dev.tagline.inference.onnx.ThreadPriority.LOWEST, false);
        }

        @Override
        public OutputRow row(BatchJob<TagJob.Item, TagJob.Result> batchJob, ScanEntry entry, TagJob.Item input,
                             TagJob.Result result, boolean sidecars) {
            TagJob job = (TagJob) batchJob;
            List<OutputRow.Model> models = job.taggers().stream()
                    .map(t -> new OutputRow.Model(t.id(), t.revision())).toList();
            if (result.perTagger() == null) {
                return OutputRow.result("tag", "", "skipped", result.skipped(), 0, 0, List.of(), null, null,
                        List.of(), models, job.write(entry, result));
            }
            List<ScoredTag> tags = job.select(result);
            String text = job.text(tags);
            String record = sidecars ? job.write(entry, result) : job.record("not written", tags);
            var image = input.prepared().get(0).input().image();
            return OutputRow.result("tag", "", "ok", "", image.width(), image.height(), tags.stream()
                            .map(t -> new OutputRow.Tag(t.name(), t.score(), t.category().name()
                                    .toLowerCase(java.util.Locale.ROOT))).toList(), text, null, List.of(), models,
                    record);
        }

        @Override
        public String sidecarExtension() {
            return spec.sidecar().extension();
        }

        @Override
        public void close() {
            taggers.forEach(ImageTagger::close);
            sessions.close();
        }
    }
}
