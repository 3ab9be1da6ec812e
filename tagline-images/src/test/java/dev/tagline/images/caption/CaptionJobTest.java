package dev.tagline.images.caption;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.NiceRecorder;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.WorkerPriorityContract;
import java.util.List;
import java.util.Optional;

/** The threads a caption job prepares images on run below the models' priority unless told otherwise, as tag's do. */
class CaptionJobTest extends WorkerPriorityContract {
    @Override
    protected BatchJob<?, ?> job(NiceRecorder tagger, Integer nice) {
        CaptionRequest request = new CaptionRequest(PromptTemplate.parse("Describe {name}."), Optional.empty(),
                GenerationSettings.VLM);
        CaptionJob.Outputs outputs = new CaptionJob.Outputs(SidecarSettings.captions(), SidecarSettings.tags(), false);
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        return nice == null
                ? new CaptionJob(loader, List.of(tagger), TagRules.defaults(), new TagComposer(), request,
                        Optional.empty(), CaptionCleanup.DEFAULTS, 0, outputs, "test")
                : new CaptionJob(loader, List.of(tagger), TagRules.defaults(), new TagComposer(), request,
                        Optional.empty(), CaptionCleanup.DEFAULTS, 0, outputs, "test", nice);
    }
}
