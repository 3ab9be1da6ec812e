package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScanTest {
    static final ScanOptions IMAGES = ScanOptions.of(Set.of("jpg", "png"), Set.of("txt", "caption"));

    @TempDir
    Path dir;

    static void touch(Path root, String... keys) throws IOException {
        for (String key : keys) {
            Path p = root.resolve(key);
            Files.createDirectories(p.getParent());
            Files.writeString(p, key);
        }
    }

    static List<String> keys(ScanOptions options, Path root) {
        List<String> keys = new ArrayList<>();
        new FolderScan(options).walk(root, e -> keys.add(e.key() + (e.supported() ? "" : " (unsupported)")));
        return keys;
    }

    @Test
    void walksRecursivelyInStableSortedOrderSkippingHiddenStateAndCompanions() throws IOException {
        touch(dir, "b.png", "a.jpg", "a.txt", "sub/z.JPG", "sub/deeper/c.png", "notes.pdf", ".hidden/x.jpg",
                ".tagline/check.journal", "sub/.DS_Store", ".a.jpg.tmp-123");
        assertEquals(List.of("a.jpg", "b.png", "notes.pdf (unsupported)", "sub/deeper/c.png", "sub/z.JPG"),
                keys(IMAGES, dir));
    }

    @Test
    void aFolderThatCannotBeListedIsSaidInWords() {
        assertEquals("permission denied (check the folder's permissions, e.g. chmod a+rx)",
                FolderScan.listProblem(new java.nio.file.AccessDeniedException("/data/private")));
        assertEquals("Input/output error", FolderScan.listProblem(new java.nio.file.FileSystemException("/data/x",
                null, "Input/output error")));
    }

    @Test
    void imagesThatShareAStemAndSoASidecarAreAllMarkedWithAnotherOfThem() throws IOException {
        // same.1.jpg and same.d/ sort between same.jpg and same.png; notes.pdf has no sidecar to share
        touch(dir, "same.jpg", "same.1.jpg", "same.d/same.jpg", "same.png", "same.JPG", "same.pdf", "samex.png",
                "other.jpg", "sub/other.png");
        List<String> marked = new ArrayList<>();
        new FolderScan(IMAGES).walk(dir, e -> marked.add(e.key() + (e.sameStemAs() == null ? "" : " = "
                + e.sameStemAs())));
        // the first too: it does not own a sidecar the others may have written before it was added
        assertEquals(List.of("other.jpg", "same.1.jpg", "same.JPG = same.jpg", "same.d/same.jpg",
                "same.jpg = same.JPG", "same.pdf", "same.png = same.JPG", "samex.png", "sub/other.png"), marked);
    }

    /** dogfooding: OneTrainer masks (a-masklabel.png beside a.jpg) were yielded as images, so tagged and captioned. */
    @Test
    void oneTrainerMasksBesideTheirImagesAreMarkedAsMasksNotImages() throws IOException {
        // e.x.jpg has the stem e.x, g.pdf is no image, d.jpg is in another folder, k's suffix is not OneTrainer's:
        // those -masklabel files are images
        touch(dir, "a.jpg", "a-masklabel.png", "b-masklabel.png", "c.PNG", "c-masklabel.png", "k.jpg",
                "k-MaskLabel.png", "d.jpg", "sub/d-masklabel.png", "e.x.jpg", "e-masklabel.png", "g.pdf",
                "g-masklabel.png", "h-masklabel.txt");
        List<String> marked = new ArrayList<>();
        new FolderScan(IMAGES).walk(dir, e -> marked.add(e.key() + (e.maskOf() == null ? "" : " mask of "
                + e.maskOf() + (e.supported() ? " (supported)" : ""))));
        assertEquals(List.of("a-masklabel.png mask of a.jpg", "a.jpg", "b-masklabel.png", "c-masklabel.png mask of"
                + " c.PNG", "c.PNG", "d.jpg", "e-masklabel.png", "e.x.jpg", "g-masklabel.png", "g.pdf",
                "k-MaskLabel.png", "k.jpg", "sub/d-masklabel.png"), marked, "OneTrainer's suffix is matched as it"
                + " writes it");
    }

    @Test
    void aNameNotValidInTheFileNameEncodingIsReportedNotPassedOver() throws Exception {
        touch(dir, "a.jpg", "z.jpg");
        // a Latin-1 "café.jpg": byte 0xE9 alone is not UTF-8 (the shell makes the bytes; Java cannot name them)
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$(printf 'caf\\351.jpg')\"").directory(dir.toFile())
                .start();
        assertEquals(0, touch.waitFor());
        List<String> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new FolderScan(IMAGES).walk(dir, new FolderScan.Visitor() {
            @Override
            public boolean accept(ScanEntry entry) {
                keys.add(entry.key());
                return true;
            }

            @Override
            public void unreadable(Path path, IOException e) {
                problems.add(e.getMessage());
            }
        });
        assertEquals(List.of("a.jpg", "z.jpg"), keys);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("caf?.jpg: the file name is not valid"), problems.get(0));
        assertTrue(problems.get(0).contains("convmv") || problems.get(0).contains("LC_ALL=C.UTF-8"), problems.get(0));
    }

    @Test
    void theCLocalesEncodingIsNamedAsPeopleKnowIt() {
        assertEquals("ASCII (the C/POSIX locale)", FolderScan.BadName.inWords("ANSI_X3.4-1968"));
        assertEquals("ISO-8859-1", FolderScan.BadName.inWords("ISO-8859-1"));
        assertEquals("in this locale", FolderScan.BadName.inWords(""));
    }

    @Test
    void noRecursiveStaysInTheTopFolder() throws IOException {
        touch(dir, "a.jpg", "sub/b.jpg");
        assertEquals(List.of("a.jpg"), keys(IMAGES.withRecursive(false), dir));
    }

    @Test
    void includeAndExcludeGlobsMatchNamesOrRelativePaths() throws IOException {
        touch(dir, "a.jpg", "b.png", "raw/c.png", "keep/d.png");
        assertEquals(List.of("b.png", "keep/d.png", "raw/c.png"),
                keys(IMAGES.withGlobs(List.of("*.png"), List.of()), dir));
        assertEquals(List.of("a.jpg", "b.png", "keep/d.png"), keys(IMAGES.withGlobs(List.of(), List.of("raw")), dir));
        assertEquals(List.of("a.jpg", "b.png", "raw/c.png"),
                keys(IMAGES.withGlobs(List.of(), List.of("keep/*.png")), dir));
    }

    @Test
    void symlinksAreNotFollowedUnlessAsked() throws IOException {
        touch(dir, "real/a.jpg");
        Path outside = Files.createTempDirectory("outside");
        touch(outside, "o.jpg");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.createSymbolicLink(dir.resolve("real/loop"), dir.resolve("real"));
        assertEquals(List.of("real/a.jpg"), keys(IMAGES, dir));
        assertEquals(List.of("link/o.jpg", "real/a.jpg"), keys(IMAGES.withFollowLinks(true), dir),
                "follows links once, and does not loop");
    }

    /** round 3 finding 4: links were passed over without a trace; now each one the walk would take in is told. */
    @Test
    void linksPassedOverAreToldOnceEachButNotSidecarsExcludedOrDanglingOnes() throws IOException {
        touch(dir, "a.jpg", "a.txt", "sub/b.png");
        Files.createSymbolicLink(dir.resolve("l1.jpg"), dir.resolve("a.jpg"));
        Files.createSymbolicLink(dir.resolve("l1.txt"), dir.resolve("a.txt"));
        Files.createSymbolicLink(dir.resolve("ldir"), dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("gone.jpg"), dir.resolve("nowhere.jpg"));
        Files.createSymbolicLink(dir.resolve("skip.jpg"), dir.resolve("a.jpg"));
        List<String> links = new ArrayList<>();
        FolderScan.Visitor visitor = new FolderScan.Visitor() {
            @Override
            public boolean accept(ScanEntry entry) {
                return true;
            }

            @Override
            public void linkPassedOver(Path link) {
                links.add(dir.relativize(link).toString());
            }
        };
        new FolderScan(IMAGES.withGlobs(List.of(), List.of("skip.*"))).walk(dir, visitor);
        assertEquals(List.of("l1.jpg", "ldir"), links);
        links.clear();
        new FolderScan(IMAGES.withRecursive(false)).walk(dir, visitor);
        assertEquals(List.of("l1.jpg", "skip.jpg"), links, "a linked folder is not entered anyway");
        links.clear();
        new FolderScan(IMAGES.withFollowLinks(true)).walk(dir, visitor);
        assertEquals(List.of(), links);
    }

    @Test
    void excludedDirsAreNeverEntered() throws IOException {
        touch(dir, "a.jpg", "quarantine/b.jpg");
        assertEquals(List.of("a.jpg"), keys(IMAGES.withExcludedDirs(Set.of(dir.resolve("quarantine"))), dir));
    }

    @Test
    void foldersMarkedSetAsideAreNeverEntered() throws IOException {
        touch(dir, "a.jpg", "bad/b.jpg", "bad/deeper/c.jpg", "bad/" + ScanOptions.SET_ASIDE_MARKER, "good/d.jpg");
        assertEquals(List.of("a.jpg", "good/d.jpg"), keys(IMAGES, dir));
    }

    @Test
    void badGlobNamesThePattern() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> new FolderScan(IMAGES.withGlobs(List.of("[a"), List.of())));
        assertTrue(e.getMessage().contains("'[a'"), e.getMessage());
    }

    @Test
    void aMissingFolderIsAClearError() {
        TaglineException e = assertThrows(TaglineException.class, () -> keys(IMAGES, dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
