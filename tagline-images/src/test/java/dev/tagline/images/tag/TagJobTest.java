package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.inference.onnx.ThreadPriority;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threads a tag job prepares images on run below the model's priority unless told otherwise. */
class TagJobTest {
    @TempDir
    Path dir;

    private Set<Integer> workerNices(Integer nice) throws Exception {
        for (int i = 0; i < 6; i++) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                    dir.resolve("img" + i + ".png").toFile());
        }
        NiceRecorder tagger = new NiceRecorder();
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags());
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        TagJob job = nice == null ? new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test")
                : new TagJob(loader, List.of(tagger), TagRules.defaults(), writer, 2, "test", nice);
        BatchSettings settings = BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS, Set.of("txt")))
                .withWorkers(2).withRestart(true);
        BatchSummary summary = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                .run(dir, job);
        assertEquals(6, summary.done());
        return tagger.nices();
    }

    @Test
    void workersRunAtTheLowestPriorityByDefault() throws Exception {
        assumeTrue(ThreadPriority.currentNice() != null, "thread priorities are only set on Linux");
        assumeTrue(ThreadPriority.currentNice() < ThreadPriority.LOWEST, "the test already runs at nice 19");
        assertEquals(Set.of(19), workerNices(null));
    }

    @Test
    void workerNiceZeroLeavesThemAsTheyWere() throws Exception {
        assumeTrue(ThreadPriority.currentNice() != null, "thread priorities are only set on Linux");
        assertEquals(Set.of(ThreadPriority.currentNice()), workerNices(0));
    }

    @Test
    void aNiceOutsideZeroToNineteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TagJob(null, List.of(), TagRules.defaults(), null, 1,
                "test", 20));
    }
}
