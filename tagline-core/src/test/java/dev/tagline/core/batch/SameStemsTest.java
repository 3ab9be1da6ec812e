package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SameStemsTest {
    private static final Set<String> IMAGES = Set.of("jpg", "png");

    /** A listing made another way than by the walk (Spark's file index) marks the files the walk would. */
    @Test
    void aListingIsMarkedAsTheScanMarksAFolder() {
        Map<String, String> marked = SameStems.of(List.of("sub/same.png", "same.png", "sub/same.jpg", "sub/same.txt",
                "sub/same.JPG", "a.b.png", "a.png", "notes.md", "sub/other.png", "sub/.same.png"), IMAGES);
        assertEquals(Map.of("sub/same.JPG", "sub/same.jpg", "sub/same.jpg", "sub/same.JPG",
                "sub/same.png", "sub/same.JPG"), marked, "the first in name order is named, and marks the next;"
                + " same.png at the top is alone in its folder, a.b.png is not a.png, .txt is no image");
    }

    /**
     * dogfood round 7, J1: what moves an image asks for the images of its stem that are in its folder now, whose
     * sidecars they share.
     */
    @Test
    void theFinderNamesTheOtherImagesOfAStemThatAreThereNow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (String name : List.of("same.jpg", "same.PNG", "same.txt", "same-masklabel.png", "a.b.png", "a.png",
                ".same.png")) {
            java.nio.file.Files.writeString(dir.resolve(name), "x");
        }
        SameStems.Finder finder = new SameStems.Finder(IMAGES);
        assertEquals(List.of(dir.resolve("same.PNG")), finder.besides(dir.resolve("same.jpg")));
        assertEquals(List.of(), finder.besides(dir.resolve("a.png")), "a.b.png has the stem a.b");
        java.nio.file.Files.delete(dir.resolve("same.PNG"));
        assertEquals(List.of(), finder.besides(dir.resolve("same.jpg")), "moved away since the folder was listed");
    }
}
