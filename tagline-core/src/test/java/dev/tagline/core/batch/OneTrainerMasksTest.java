package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTrainerMasksTest {
    private static final Set<String> IMAGES = Set.of("jpg", "png");

    /** A listing made another way than by the walk (Spark's file index) marks the masks the walk would. */
    @Test
    void aListingIsMarkedAsTheScanMarksAFolder() {
        Map<String, String> masks = OneTrainerMasks.of(List.of("sub/a-masklabel.png", "a-masklabel.png", "sub/a.JPG",
                "b.png", "b-masklabel.jpg", "c-masklabel.png", "d.e.png", "d-masklabel.png", "f.txt",
                "f-masklabel.png", "sub/.g.png", "sub/.g-masklabel.png"), IMAGES);
        assertEquals(Map.of("sub/a-masklabel.png", "sub/a.JPG", "b-masklabel.jpg", "b.png"), masks,
                "a-masklabel.png at the top has no a.* beside it, c none at all, d.e.png is not d, f.txt no image,"
                        + " hidden files are not looked at");
    }

    @Test
    void theMasksBesideAnImageAreFoundWithoutListingItsFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (String name : List.of("a.jpg", "a-masklabel.png", "a-masklabel.JPG", "a-masklabel.txt", "ab-masklabel.png",
                "b.png")) {
            java.nio.file.Files.writeString(dir.resolve(name), name);
        }
        assertEquals(List.of(dir.resolve("a-masklabel.JPG"), dir.resolve("a-masklabel.png")),
                OneTrainerMasks.besides(dir.resolve("a.jpg"), IMAGES));
        assertEquals(List.of(), OneTrainerMasks.besides(dir.resolve("b.png"), IMAGES));
    }

    @Test
    void theReasonNamesTheImageByItsFileName() {
        assertEquals("OneTrainer mask of a.jpg", OneTrainerMasks.reason("sub/a.jpg"));
    }
}
