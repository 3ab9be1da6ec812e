package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    /** dogfooding: the gallery showed OneTrainer masks (a-masklabel.png beside a.jpg) as images to caption. */
    @Test
    void theGalleryLeavesOutOneTrainerMasksBesideTheirImages() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (String name : List.of("a.jpg", "a-masklabel.png", "sub/b.png", "sub/b-masklabel.png",
                "lone-masklabel.png", "a.txt")) {
            Files.writeString(dir.resolve(name), name);
        }
        assertEquals(List.of("a.jpg", "lone-masklabel.png", "sub/b.png"),
                new Dataset(dir).items().stream().map(Dataset.Item::path).toList());
    }

    /**
     * dogfooding F3: after {@code check --quarantine img/_rejects} the gallery listed the rejects (corrupt, truncated)
     * as dataset images with editors, although check, tag and caption pass over a folder holding
     * {@code .tagline-quarantine}.
     */
    @Test
    void theGalleryLeavesOutAFolderSetAsideByCheckQuarantineAsTheScanDoes() throws IOException {
        Files.createDirectories(dir.resolve("_rejects/10_ohwx man"));
        Files.createDirectories(dir.resolve("10_ohwx man"));
        for (String name : List.of("10_ohwx man/alex.png", "_rejects/10_ohwx man/truncated.jpg",
                "_rejects/.tagline-quarantine", "_rejects/10_ohwx man/truncated.txt")) {
            Files.writeString(dir.resolve(name), name);
        }
        Dataset dataset = new Dataset(dir);
        assertEquals(List.of("10_ohwx man/alex.png"), dataset.items().stream().map(Dataset.Item::path).toList());
        assertTrue(dataset.holds(dir.toRealPath().resolve("10_ohwx man/alex.png")));
        assertFalse(dataset.holds(dir.toRealPath().resolve("_rejects/10_ohwx man/truncated.jpg")));
    }
}
