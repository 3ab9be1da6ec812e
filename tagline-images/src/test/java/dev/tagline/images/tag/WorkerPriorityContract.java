package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.inference.onnx.ThreadPriority;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of a job that prepares images for models ({@code tag}, {@code caption}): its worker threads run at the
 * lowest priority unless told otherwise, keep theirs at nice 0, and a nice outside 0–19 is refused. One subclass per
 * job.
 */
public abstract class WorkerPriorityContract {
    @TempDir
    protected Path dir;

    /** The job under test, tagging with {@code tagger}; {@code nice} null for the job's default. */
    protected abstract BatchJob<?, ?> job(NiceRecorder tagger, Integer nice);

    private Set<Integer> workerNices(Integer nice) throws Exception {
        for (int i = 0; i < 6; i++) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                    dir.resolve("img" + i + ".png").toFile());
        }
        NiceRecorder tagger = new NiceRecorder();
        BatchSettings settings = BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS, Set.of("txt",
                "caption"))).withWorkers(2).withRestart(true);
        BatchSummary summary = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                .run(dir, job(tagger, nice));
        assertEquals(6, summary.done() + summary.failed(), "every image prepared");
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
        assertThrows(IllegalArgumentException.class, () -> job(new NiceRecorder(), 20));
    }
}
