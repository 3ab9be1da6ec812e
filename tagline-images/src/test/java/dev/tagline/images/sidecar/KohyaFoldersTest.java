package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KohyaFoldersTest {
    private static KohyaFolders of(String root, String... keys) {
        KohyaFolders f = new KohyaFolders(Path.of("/data", root));
        for (String key : keys) {
            f.add(key);
        }
        return f;
    }

    @Test
    void repeatFoldersAreNamedAsSdScriptsReadsThem() {
        assertTrue(KohyaFolders.isRepeatFolder("10_x"));
        assertTrue(KohyaFolders.isRepeatFolder("3"));
        assertTrue(KohyaFolders.isRepeatFolder("20_ohwx_man"));
        assertFalse(KohyaFolders.isRepeatFolder("0_x"), "repeats under 1 are ignored by kohya");
        assertFalse(KohyaFolders.isRepeatFolder("x_10"));
        assertFalse(KohyaFolders.isRepeatFolder("10x"));
    }

    /** dogfooding G10: big/10_x/sub/{obama,biden}.jpg were tagged and exported, and kohya never reads them. */
    @Test
    void imagesInASubFolderOfARepeatFolderWereLeftOutOfKohyaTrainingUnsaid_nowTheNoteNamesTheFolder() {
        KohyaFolders big = of("big", "10_x/two_people.jpg", "10_x/sub/obama.jpg", "10_x/sub/biden.jpg",
                "20_tiny/f001.jpg", "loose/a/b.jpg");
        assertEquals(Optional.of("kohya: 2 images in sub-folders of repeat folders are not read by kohya's"
                + " DreamBooth-style training, which takes only the images directly in each N_name folder (and does"
                + " not say so): 10_x/sub (2 images). Move them up into their repeat folder (or into one of their"
                + " own, e.g. 10_sub), or train from a meta_cap.json exported with --full-path."), big.dreamBoothNote());
        assertTrue(of("10_x", "two_people.jpg", "sub/obama.jpg").dreamBoothNote().orElseThrow()
                .contains(": 10_x/sub (1 image)."), "the folder given is a repeat folder itself");
        assertEquals(Optional.empty(), of("big", "10_x/a.jpg", "20_y/b.jpg", "c.jpg").dreamBoothNote());
        assertEquals(Optional.empty(), of("photos", "trip/day1/a.jpg").dreamBoothNote(), "no repeat folders");
    }

    /** Images loose in train_data_dir beside its 10_x repeat folders are no set of kohya's, and nothing said so. */
    @Test
    void aLooseImageBesideRepeatFoldersWasNotFlagged_nowTheNoteCountsThemAndSaysWhereToMoveThem() {
        KohyaFolders big = of("big", "top.jpg", "top2.png", "10_x/a.jpg", "10_x/sub/b.jpg", "20_tiny/c.jpg",
                "photos/d.jpg");
        assertEquals(Optional.of("kohya: 2 images lie loose in big beside its repeat folders, where kohya's"
                + " DreamBooth-style training does not read them: it takes only the images in each N_name folder"
                + " (and does not say so). Repeat folders: 10_x (1 image), 20_tiny (1 image). Move them into a repeat"
                + " folder (e.g. 10_x/, or a new N_name folder of their own)."), big.looseNote());
        assertTrue(of("big", "top.jpg", "3/a.jpg").looseNote().orElseThrow().startsWith("kohya: 1 image lies loose"
                + " in big"), "one image");
        assertEquals(Optional.empty(), of("big", "10_x/a.jpg", "20_y/b.jpg").looseNote(), "none loose");
        assertEquals(Optional.empty(), of("photos", "a.jpg", "trip/b.jpg").looseNote(), "no repeat folders");
        assertEquals(Optional.empty(), of("10_x", "a.jpg", "5_y/b.jpg").looseNote(),
                "the folder given is a repeat folder itself: its images are read");
    }

    /**
     * A repeat folder's count took in the images of its sub-folders ({@code 10_x (2 images)} for {@code 10_x/a.jpg} and
     * {@code 10_x/sub/b.jpg}), which kohya's DreamBooth-style loader does not read: now it counts those it reads.
     */
    @Test
    void repeatFolderCountsTookInImagesOfTheirSubFoldersKohyaDoesNotRead_nowOnlyTheImagesDirectlyInThem() {
        KohyaFolders big = of("big", "top.jpg", "10_x/a.jpg", "10_x/sub/b.jpg", "10_x/sub/c.jpg", "5_y/deep/d.jpg");
        String loose = big.looseNote().orElseThrow();
        assertTrue(loose.contains("Repeat folders: 10_x (1 image), 5_y (0 images)."), loose);
        assertTrue(big.dreamBoothNote().orElseThrow().contains("10_x/sub (2 images), 5_y/deep (1 image)"),
                "the images left out are named by the other note");
        assertTrue(of("img", "10_x/a.jpg", "10_x/sub/b.jpg").repeatFoldersNote(".caption", ".txt").orElseThrow()
                .contains("(10_x (1 image))"), "the export note counts the same way");
    }

    /** Dogfood round 7 J11: an export of repeat folders only advised --full-path, the loader that drops repeats. */
    @Test
    void aKohyaExportOfRepeatFoldersSaysRepeatTrainingReadsTheSidecarsAndTheFileIsForFineTuning() {
        assertEquals(Optional.of("kohya: img has repeat folders (10_ohwx man (2 images), 5_zwx woman (1 image))."
                + " DreamBooth-style training with repeat folders reads the .caption (or .txt) sidecars beside the"
                + " images directly and needs no metadata file; meta_cap.json is for kohya's fine-tuning loader"
                + " (in_json), where the repeat counts do not apply."), of("img", "10_ohwx man/a.jpg",
                "10_ohwx man/b.jpg", "5_zwx woman/c.jpg", "loose.jpg").repeatFoldersNote(".caption", ".txt"));
        assertTrue(of("10_x", "a.jpg").repeatFoldersNote(".caption", ".txt").orElseThrow()
                .startsWith("kohya: 10_x is a repeat folder. "));
        assertEquals(Optional.empty(), of("photos", "a.jpg", "trip/b.jpg").repeatFoldersNote(".caption", ".txt"));
    }

    @Test
    void stemKeysOfImagesInSubFoldersAreNamedWithTheFirstFiveFolders() {
        KohyaFolders f = of("big", "top.jpg", "1_a/x.jpg", "2_b/x.jpg", "3_c/x.jpg", "4_d/x.jpg", "5_e/x.jpg",
                "6_f/x.jpg", "6_f/y.jpg");
        assertEquals(Optional.of("kohya: 7 images in sub-folders of big are keyed by bare file stem, which kohya's"
                + " fine-tuning loader looks for only as train_data_dir/STEM.* (one folder, not its sub-folders),"
                + " stopping at the first it cannot find with \"no image\": 1_a (1 image), 2_b (1 image), 3_c (1 image),"
                + " 4_d (1 image), 5_e (1 image) and 1 more folder. Add --full-path to key every image by its path."),
                f.stemKeyNote());
        assertEquals(Optional.empty(), of("flat", "a.jpg", "b.png").stemKeyNote());
    }

    /** dogfood round 7, J2: after a quarantine the repeat-folder counts still held the files just moved. */
    @Test
    void theCountsAfterAQuarantineIncludedTheMovedFiles_nowTheyCountWhatStays() {
        KohyaFolders scanned = of("img", "loose.jpg", "10_x/a.jpg", "10_x/a.png", "10_x/b.jpg", "5_y/c.jpg");
        KohyaFolders now = scanned.without(java.util.List.of("10_x/a.png", "5_y/c.jpg", "never/added.jpg"));
        assertTrue(now.looseNote().orElseThrow().contains("Repeat folders: 10_x (2 images). Move it"),
                now.looseNote().orElseThrow());
        assertTrue(scanned.looseNote().orElseThrow().contains("Repeat folders: 10_x (3 images), 5_y (1 image)."),
                "the scan's own counts are unchanged");
    }

    /**
     * The repeat-folder counts held files kohya cannot load (a truncated JPEG, a text file named .jpg): they count
     * what it loads and say how many they leave out, also for a folder left with none and for a sub-folder's images.
     */
    @Test
    void repeatFolderCountsIncludedFilesKohyaCannotLoad_nowTheyAreNamedApart() {
        KohyaFolders scanned = of("img", "loose.jpg", "10_ohwx man/a.jpg", "10_ohwx man/b.jpg", "10_ohwx man/cut.jpg",
                "5_y/bad.png", "5_y/worse.png", "10_ohwx man/sub/c.jpg", "10_ohwx man/sub/d.jpg");
        KohyaFolders now = scanned.unusable(java.util.List.of("10_ohwx man/cut.jpg", "5_y/bad.png", "5_y/worse.png",
                "10_ohwx man/sub/d.jpg", "never/added.jpg"));
        assertTrue(now.looseNote().orElseThrow().contains("Repeat folders: 10_ohwx man (2 images, 1 unusable file not"
                + " counted), 5_y (0 images, 2 unusable files not counted). Move it"), now.looseNote().orElseThrow());
        assertTrue(now.dreamBoothNote().orElseThrow().startsWith("kohya: 1 image in sub-folders of repeat folders is"
                + " not read"), now.dreamBoothNote().orElseThrow());
        assertTrue(now.dreamBoothNote().orElseThrow().contains(": 10_ohwx man/sub (1 image, 1 unusable file not"
                + " counted). Move"), now.dreamBoothNote().orElseThrow());
        assertEquals(Optional.empty(), of("img", "10_x/a.jpg", "10_x/sub/bad.jpg").unusable(java.util.List.of(
                "10_x/sub/bad.jpg")).dreamBoothNote(), "a sub-folder of nothing kohya could load is not worth a note");
        assertTrue(scanned.looseNote().orElseThrow().contains("10_ohwx man (3 images), 5_y (2 images)"),
                "the scan's own counts are unchanged");
    }
}
