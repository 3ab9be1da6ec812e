package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline export} end to end, in process, on a folder of sidecars. */
class ExportCommandTest {
    @TempDir
    Path work;
    Path data;

    @BeforeEach
    void folder() throws IOException {
        data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        Files.write(data.resolve("a.jpg"), new byte[] {1, 2, 3});
        Files.writeString(data.resolve("a.txt"), "solo, portrait");
        Files.write(data.resolve("sub/b.png"), new byte[] {4, 5});
        Files.writeString(data.resolve("sub/b.txt"), "dog, grass");
    }

    private CliTestSupport cli() {
        return new CliTestSupport(work, Map.of("TAGLINE_HOME", work.resolve("home").toString()));
    }

    /**
     * Dogfood round 8 K11: {@code export --format hf} of a folder tagged but not captioned wrote rows without
     * {@code text}, and diffusers' scripts stopped ("--caption_column value 'text' needs to be one of: image, tags").
     */
    @Test
    void aTagsOnlyFolderExportedRowsWithoutText_nowTextIsTheTagsAndTheSummarySaysSo() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("export", "data", "--format", "hf"), cli.err());
        assertEquals(List.of("{\"file_name\":\"a.jpg\",\"text\":\"solo, portrait\",\"tags\":\"solo, portrait\"}",
                "{\"file_name\":\"sub/b.png\",\"text\":\"dog, grass\",\"tags\":\"dog, grass\"}"),
                Files.readAllLines(data.resolve("metadata.jsonl")));
        assertTrue(cli.out().contains("note: 2 rows take their text from the tags (no caption): a.jpg, sub/b.png."),
                cli.out());

        Files.writeString(data.resolve("a.caption"), "A woman smiling.");
        CliTestSupport csv = cli();
        assertEquals(ExitCode.OK, csv.run("export", "data", "--format", "csv"), csv.err());
        assertEquals(List.of("file_name,caption,tags", "a.jpg,A woman smiling.,\"solo, portrait\"",
                "sub/b.png,\"dog, grass\",\"dog, grass\""), Files.readAllLines(data.resolve("metadata.csv")));
        assertTrue(csv.out().contains("note: 1 row takes its caption from the tags (no caption)"), csv.out());
    }

    /**
     * Dogfood round 8 K12: {@code --format onetrainer} / {@code taggui} said only "Use hf, kohya or csv", and no format
     * wrote the one-NAME.txt-per-image layout those tools read.
     */
    @Test
    void noExportForTagguiOrOneTrainer_nowFormatTxtWritesACopyWithNameTxt() throws IOException {
        Files.writeString(data.resolve("a.caption"), "A woman smiling.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("export", "data", "--format", "txt", "--out", "ds", "--text",
                "caption+tags"), cli.err());
        assertEquals("A woman smiling. solo, portrait", Files.readString(work.resolve("ds/a.txt")));
        assertEquals("dog, grass", Files.readString(work.resolve("ds/sub/b.txt")));
        assertTrue(Files.isSameFile(data.resolve("a.jpg"), work.resolve("ds/a.jpg")));
        assertTrue(cli.out().contains("Exported 2 images with a NAME.txt each to " + work.resolve("ds")), cli.out());

        Files.writeString(work.resolve("ds/a.txt"), "edited");
        CliTestSupport again = cli();
        assertEquals(ExitCode.USAGE, again.run("export", "data", "--format", "txt", "--out", "ds"));
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().contains("would be replaced (a.txt)") && again.err().contains("--overwrite"),
                again.err());
        assertEquals("edited", Files.readString(work.resolve("ds/a.txt")));
        CliTestSupport forced = cli();
        assertEquals(ExitCode.OK, forced.run("export", "data", "--format", "txt", "--out", "ds", "--overwrite"),
                forced.err());
        assertEquals("A woman smiling.", Files.readString(work.resolve("ds/a.txt")));
    }

    @Test
    void anUnknownFormatNamedNoWayToTaggui_nowTheErrorNamesTxtAndTxtAsksForOut() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("export", "data", "--format", "onetrainer"));
        assertTrue(cli.err().contains("Use hf, kohya, csv or txt.") && cli.err().contains("--format txt --out DIR"),
                cli.err());
        CliTestSupport noOut = cli();
        assertEquals(ExitCode.USAGE, noOut.run("export", "data", "--format", "txt"));
        assertTrue(noOut.err().contains("needs --out"), noOut.err());
        CliTestSupport textForHf = cli();
        assertEquals(ExitCode.USAGE, textForHf.run("export", "data", "--text", "tags"));
        assertTrue(textForHf.err().contains("--text is for --format txt"), textForHf.err());
        assertFalse(Files.exists(data.resolve("metadata.jsonl")), "nothing written");
    }
}
