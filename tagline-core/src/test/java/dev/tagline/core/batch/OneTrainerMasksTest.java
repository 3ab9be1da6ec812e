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
    void theMasksBesideAnImageAreFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (String name : List.of("a.jpg", "a-masklabel.png", "a-masklabel.JPG", "a-masklabel.txt", "ab-masklabel.png",
                "b.png")) {
            java.nio.file.Files.writeString(dir.resolve(name), name);
        }
        OneTrainerMasks.Finder finder = new OneTrainerMasks.Finder(IMAGES);
        assertEquals(List.of(dir.resolve("a-masklabel.JPG"), dir.resolve("a-masklabel.png")),
                finder.besides(dir.resolve("a.jpg")));
        assertEquals(List.of(), finder.besides(dir.resolve("b.png")));
    }

    /**
     * dogfooding: the scan marks {@code x-masklabel.Png} as the mask of {@code x.jpg} (extensions in any case), but
     * the lookup for the quarantine tried only {@code .png} and {@code .PNG}, so the mask stayed behind.
     */
    @Test
    void aMaskWithAMixedCaseExtensionIsFoundAsTheScanMarksIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("sub"));
        for (String name : List.of("x.jpg", "x-masklabel.Png", "sub/y.png", "sub/y-masklabel.pNG")) {
            java.nio.file.Files.writeString(dir.resolve(name), name);
        }
        assertEquals(Map.of("x-masklabel.Png", "x.jpg", "sub/y-masklabel.pNG", "sub/y.png"), OneTrainerMasks.of(
                List.of("x.jpg", "x-masklabel.Png", "sub/y.png", "sub/y-masklabel.pNG"), IMAGES), "marked");
        OneTrainerMasks.Finder finder = new OneTrainerMasks.Finder(IMAGES);
        assertEquals(List.of(dir.resolve("x-masklabel.Png")), finder.besides(dir.resolve("x.jpg")));
        assertEquals(List.of(dir.resolve("sub/y-masklabel.pNG")), finder.besides(dir.resolve("sub/y.png")));
        java.nio.file.Files.delete(dir.resolve("x-masklabel.Png"));
        assertEquals(List.of(), finder.besides(dir.resolve("x.jpg")), "only masks still there");
    }

    @Test
    void theReasonNamesTheImageByItsFileName() {
        assertEquals("OneTrainer mask of a.jpg", OneTrainerMasks.reason("sub/a.jpg"));
    }
}
