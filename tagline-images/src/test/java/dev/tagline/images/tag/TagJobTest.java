package dev.tagline.images.tag;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import java.util.List;

/** The threads a tag job prepares images on run below the model's priority unless told otherwise. */
class TagJobTest extends WorkerPriorityContract {
    @Override
    protected BatchJob<?, ?> job(NiceRecorder tagger, Integer nice) {
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags());
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        return nice == null ? new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test")
                : new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test", nice);
    }
}
