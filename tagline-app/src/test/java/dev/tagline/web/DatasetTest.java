package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
