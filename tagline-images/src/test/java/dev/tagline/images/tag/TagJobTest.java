package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The threads a tag job prepares images on run below the model's priority unless told otherwise. */
class TagJobTest extends WorkerPriorityContract {
    @Override
    protected BatchJob<?, ?> job(NiceRecorder tagger, Integer nice) {
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags());
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        return nice == null ? new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test")
                : new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test", nice);
    }

    /** dogfood item 5: under --existing skip an image with a sidecar was decoded and tagged, then nothing written. */
    @Test
    void anImageWhoseSidecarIsKeptIsPassedOverBeforeDecodingOrTagging() throws Exception {
        for (String name : List.of("a.png", "b.png")) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(name).toFile());
        }
        Files.writeString(dir.resolve("a.txt"), "hand written");
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger tagged = new AtomicInteger();
        ImageTagger counting = new ImageTagger() {
            @Override
            public String id() {
                return "counting";
            }

            @Override
            public Prepared prepare(TaggerInput input) {
                prepared.incrementAndGet();
                return new Prepared(input, null);
            }

            @Override
            public List<ScoredTags> tagPrepared(List<Prepared> batch) {
                tagged.addAndGet(batch.size());
                return batch.stream().map(p -> new ScoredTags(List.of(), true)).toList();
            }
        };
        TagJob job = new TagJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(counting),
                TagRules.defaults(), new SidecarWriter(SidecarSettings.tags()), 2, "test");
        new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS, Set.of("txt"))).withWorkers(1),
                Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE).run(dir, job);
        assertEquals(1, prepared.get(), "only b.png is decoded and prepared");
        assertEquals(1, tagged.get(), "only b.png reaches the tagger");
        assertEquals(1, job.sidecarsKept());
        assertEquals("hand written", Files.readString(dir.resolve("a.txt")));
    }
}
