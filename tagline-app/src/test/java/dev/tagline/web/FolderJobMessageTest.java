package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.batch.BatchSummary;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FolderJobMessageTest {
    private static BatchSummary batch(long done, long failed, long resumed, boolean stopped, long supported,
                                      long links, long masks, long passedOver) {
        return new BatchSummary(done + failed, done, failed, resumed, Duration.ZERO, stopped, Path.of("j"), 0, 0,
                supported, links, masks, passedOver);
    }

    /**
     * dogfooding G8: 11 images (2 tagged before), evil.html/.js/.svg and 2 links read "12 of 14 image(s) tagged with
     * quality, 2 passed over (their sidecars exist)"; 9 were tagged.
     */
    @Test
    void filesThatAreNotImagesWereCountedAsTaggedImages_nowTheMessageCountsAsTheCliDoes() {
        assertEquals("9 images tagged with quality, 5 passed over (2 images whose sidecars exist, 3 files that are not"
                + " images), none failed. 2 symbolic links passed over: jobs started here never follow links; run"
                + " 'tagline tag --follow-links' on the folder to follow them.",
                FolderJobMessage.of(batch(14, 0, 0, false, 11, 2, 0, 5), "tag", "tagged with quality", 2));
    }

    @Test
    void oneOfEachFailuresAnEarlierRunAStopAndMasksAreSaid() {
        assertEquals("Stopped: 1 image captioned with tags, 2 passed over (1 image whose sidecar exists, 1 file that is"
                + " not an image), 2 failed, 3 files done by an earlier run; start again to resume. 1 OneTrainer mask"
                + " (NAME-masklabel.png beside NAME.jpg) passed over: it is part of its image, not an image of the"
                + " dataset.", FolderJobMessage.of(batch(3, 2, 3, true, 6, 0, 1, 2), "caption", "captioned with tags",
                1));
    }

    @Test
    void aFolderWithoutImagesSaysSoAndNamesTheLinks() {
        assertEquals("0 images tagged with quality, 1 passed over (1 file that is not an image), none failed. No images"
                + " found in the folder: nothing to tag. 1 symbolic link passed over: jobs started here never follow"
                + " links; run 'tagline tag --follow-links' on the folder to follow it.",
                FolderJobMessage.of(batch(1, 0, 0, false, 0, 1, 0, 1), "tag", "tagged with quality", 0));
    }
}
