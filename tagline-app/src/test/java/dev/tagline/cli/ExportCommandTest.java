package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(cli.out().contains("note: 2 rows take their text from the tags (no caption)"), cli.out());

        Files.writeString(data.resolve("a.caption"), "A woman smiling.");
        CliTestSupport csv = cli();
        assertEquals(ExitCode.OK, csv.run("export", "data", "--format", "csv"), csv.err());
        assertEquals(List.of("file_name,caption,tags", "a.jpg,A woman smiling.,\"solo, portrait\"",
                "sub/b.png,\"dog, grass\",\"dog, grass\""), Files.readAllLines(data.resolve("metadata.csv")));
        assertTrue(csv.out().contains("note: 1 row takes its caption from the tags (no caption)"), csv.out());
    }
}
