package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.sidecar.DatasetExport.Format;
import dev.tagline.images.sidecar.TxtFolderExport.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dogfood round 8 K12: {@code export --format txt}, the one-NAME.txt-per-image layout of taggui and OneTrainer. */
class TxtFolderExportTest {
    @TempDir
    Path work;
    Path dir;
    Path out;

    private final DatasetExport export = new DatasetExport(".caption", ".txt");

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createDirectories(work.resolve("data"));
        out = work.resolve("data-txt");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("a.jpg"), new byte[] {1, 2});
        Files.writeString(dir.resolve("a.caption"), "A cat, \"grumpy\".");
        Files.writeString(dir.resolve("a.txt"), "cat, indoors");
        Files.write(dir.resolve("sub/b.png"), new byte[] {3});
        Files.writeString(dir.resolve("sub/b.txt"), "dog");
        Files.write(dir.resolve("c.webp"), new byte[] {4});
    }

    @Test
    void noExportForTagguiOrOneTrainer_nowTxtWritesACopyOfTheFolderWithOneNameTxtPerImage() throws IOException {
        DatasetExport.Summary s = export.exportTxt(dir, out, Text.CAPTION, false, Map.of());
        assertEquals(List.of(2L, 1L), List.of(s.exported(), s.uncaptioned()));
        assertEquals("A cat, \"grumpy\".", Files.readString(out.resolve("a.txt")));
        assertEquals("dog", Files.readString(out.resolve("sub/b.txt")), "no caption: the tags");
        assertTrue(Files.isSameFile(dir.resolve("a.jpg"), out.resolve("a.jpg")), "hard-linked, not copied");
        assertTrue(Files.isSameFile(dir.resolve("sub/b.png"), out.resolve("sub/b.png")));
        assertFalse(Files.exists(out.resolve("c.webp")), "no sidecar, not exported");
        assertEquals("cat, indoors", Files.readString(dir.resolve("a.txt")), "the tag sidecar is untouched");
        assertEquals(List.of("1 image has no caption: its .txt holds the tags", "2 images in " + out
                + " are hard links to the original (no extra disk space; an edit to one is an edit to both)."),
                s.notes());

        export.exportTxt(dir, out, Text.TAGS, true, Map.of());
        assertEquals("cat, indoors", Files.readString(out.resolve("a.txt")));
        export.exportTxt(dir, out, Text.CAPTION_AND_TAGS, true, Map.of());
        assertEquals("A cat, \"grumpy\". cat, indoors", Files.readString(out.resolve("a.txt")));
        assertEquals("dog", Files.readString(out.resolve("sub/b.txt")));
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(AtomicFiles::isTemporary), "no temporary file left");
        }
    }

    @Test
    void aTxtInOutThatDiffersIsNamedAndNothingIsWritten_untilOverwrite() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.txt"), "hand-edited in taggui");
        TaglineException e = assertThrows(TaglineException.class,
                () -> export.exportTxt(dir, out, Text.CAPTION, false, Map.of()));
        assertEquals("1 file in " + out + " would be replaced (a.txt); nothing was written", e.getMessage());
        assertTrue(e.hint().contains("--overwrite"), e.hint());
        assertEquals("hand-edited in taggui", Files.readString(out.resolve("a.txt")));
        assertFalse(Files.exists(out.resolve("a.jpg")) || Files.exists(out.resolve("sub")), "nothing written");

        export.exportTxt(dir, out, Text.CAPTION, true, Map.of());
        assertEquals("A cat, \"grumpy\".", Files.readString(out.resolve("a.txt")));
        DatasetExport.Summary again = export.exportTxt(dir, out, Text.CAPTION, false, Map.of());
        assertEquals(2, again.exported(), "the same export again changes nothing, so it needs no --overwrite");
        assertTrue(again.notes().stream().noneMatch(n -> n.contains("hard link")), again.toString());
    }

    @Test
    void anOutFolderInsideTheDatasetIsRefused() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> export.exportTxt(dir, dir.resolve("txt"), Text.CAPTION, false, Map.of()));
        assertTrue(e.getMessage().contains("is inside") && e.hint().contains("data-txt"), e.oneLine());
        assertFalse(Files.exists(dir.resolve("txt")));
    }

    @Test
    void aTwoLineCaptionGoesIntoTheTxtAsWrittenWithTheNote() throws IOException {
        Files.writeString(dir.resolve("a.caption"), "line one\nline two");
        DatasetExport.Summary s = export.exportTxt(dir, out, Text.CAPTION, false, Map.of());
        assertEquals("line one\nline two", Files.readString(out.resolve("a.txt")));
        assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("1 caption has several lines (a.caption)")),
                s.toString());
    }

    @Test
    void anUnknownFormatNamedNoWayToTaggui_nowItNamesTxt() {
        TaglineException e = assertThrows(TaglineException.class, () -> Format.parse("onetrainer"));
        assertTrue(e.hint().startsWith("Use hf, kohya, csv or txt. taggui, OneTrainer and ai-toolkit read one"
                + " NAME.txt per image: --format txt --out DIR"), e.hint());
        assertThrows(TaglineException.class, () -> Text.parse("both"));
        assertEquals(Text.CAPTION_AND_TAGS, Text.parse("Caption+Tags"));
    }
}
