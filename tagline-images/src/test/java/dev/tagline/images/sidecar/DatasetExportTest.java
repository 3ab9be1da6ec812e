package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.sidecar.DatasetExport.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExportTest {
    @TempDir
    Path dir;

    private final DatasetExport export = new DatasetExport(".caption", ".txt");

    @BeforeEach
    void folder() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("a.jpg"), new byte[] {1});
        Files.writeString(dir.resolve("a.caption"), "A cat, \"grumpy\".");
        Files.writeString(dir.resolve("a.txt"), "cat, indoors");
        Files.write(dir.resolve("sub/b.png"), new byte[] {1});
        Files.writeString(dir.resolve("sub/b.txt"), "dog");
        Files.write(dir.resolve("c.webp"), new byte[] {1});
    }

    @Test
    void huggingFaceMetadataJsonlHasFileNameRelativeToItself() throws IOException {
        Path out = dir.resolve("metadata.jsonl");
        DatasetExport.Summary s = export.export(dir, Format.HF, out, false);
        assertEquals(new DatasetExport.Summary(2, 1), s);
        List<String> lines = Files.readAllLines(out);
        assertEquals("{\"file_name\":\"a.jpg\",\"text\":\"A cat, \\\"grumpy\\\".\",\"tags\":\"cat, indoors\"}",
                lines.get(0));
        assertEquals("{\"file_name\":\"sub/b.png\",\"tags\":\"dog\"}", lines.get(1));
    }

    @Test
    void kohyaMetaCapIsKeyedByStem() throws IOException {
        Path out = dir.resolve("meta_cap.json");
        export.export(dir, Format.KOHYA, out, false);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals("A cat, \"grumpy\".", json.get("a").get("caption").asText());
        assertEquals("dog", json.get("b").get("tags").asText());
        export.export(dir, Format.KOHYA, out, true);
        assertTrue(new ObjectMapper().readTree(out.toFile()).has(dir.resolve("sub/b.png").toAbsolutePath()
                .toString()));
    }

    /**
     * dogfooding G10: {@code export --format kohya} keyed big/10_x/sub/obama.jpg as "obama", which kohya's fine-tuning
     * loader looks for only as train_data_dir/obama.*, and said nothing.
     */
    @Test
    void stemKeysOfImagesInSubFoldersWereExportedUnsaid_nowTheSummaryWarnsAndFullPathDoesNot() throws IOException {
        DatasetExport.Summary s = export.export(dir, Format.KOHYA, dir.resolve("meta_cap.json"), false);
        assertEquals(1, s.warnings().size(), s.toString());
        assertTrue(s.warnings().get(0).contains("1 image in sub-folders of " + dir.getFileName() + " is keyed by"
                + " bare file stem") && s.warnings().get(0).contains(": sub (1 image). Add --full-path"), s.toString());
        assertEquals(List.of(), export.export(dir, Format.KOHYA, dir.resolve("meta_cap.json"), true).warnings());
        assertEquals(List.of(), export.export(dir, Format.HF, dir.resolve("metadata.jsonl"), false).warnings());
    }

    @Test
    void kohyaStemCollisionsAskForFullPath() throws IOException {
        Files.write(dir.resolve("sub/a.png"), new byte[] {1});
        Files.writeString(dir.resolve("sub/a.txt"), "x");
        TaglineException e = assertThrows(TaglineException.class,
                () -> export.export(dir, Format.KOHYA, dir.resolve("meta_cap.json"), false));
        assertTrue(e.getMessage().contains("'a'") && e.hint().contains("--full-path"), e.oneLine());
    }

    @Test
    void imagesThatShareOneSidecarAreRefusedInEveryFormat() throws IOException {
        Files.write(dir.resolve("a.png"), new byte[] {1}); // a.jpg's a.caption and a.txt would be a.png's too
        for (Format f : Format.values()) {
            Path out = dir.resolve("out-" + f);
            TaglineException e = assertThrows(TaglineException.class, () -> export.export(dir, f, out, true));
            assertTrue(e.getMessage().contains("Two images share one sidecar: a.jpg and a.png")
                    || e.getMessage().contains("Two images share one sidecar: a.png and a.jpg"), f + ": " + e.oneLine());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void csvQuotesPerRfc4180() throws IOException {
        Path out = dir.resolve("metadata.csv");
        export.export(dir, Format.CSV, out, false);
        assertEquals(List.of("file_name,caption,tags", "a.jpg,\"A cat, \"\"grumpy\"\".\",\"cat, indoors\"",
                "sub/b.png,,dog"), Files.readAllLines(out));
    }

    @Test
    void whereKeepsOnlyImagesWhoseAnswersMatchAndHfRowsCarryThem() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"caption\": \"A cat\", \"qa\": {\"animal\": \"Yes\","
                + " \"kind\": \"cat\"}}");
        Files.writeString(dir.resolve("sub/b.json"), "{\"qa\": {\"animal\": \"no\"}}");
        Path out = dir.resolve("metadata.jsonl");
        DatasetExport.Summary s = export.export(dir, Format.HF, out, false,
                DatasetExport.parseWhere(List.of("animal=yes", "KIND = cat")));
        assertEquals(new DatasetExport.Summary(1, 1, 1), s);
        assertEquals(List.of("{\"file_name\":\"a.jpg\",\"text\":\"A cat, \\\"grumpy\\\".\",\"tags\":\"cat, indoors\","
                + "\"qa\":{\"animal\":\"Yes\",\"kind\":\"cat\"}}"), Files.readAllLines(out));
        assertEquals(new DatasetExport.Summary(0, 1, 2), export.export(dir, Format.CSV, dir.resolve("m.csv"), false,
                Map.of("animal", "maybe")));
        assertThrows(TaglineException.class, () -> DatasetExport.parseWhere(List.of("animal")));
    }

    /** An export with no image in it would only mislead a trainer: the old file stays, no new one appears. */
    @Test
    void anExportOfNothingWritesNoFileAndKeepsTheOldOne() throws IOException {
        DatasetExport other = new DatasetExport(".cap", ".tags");
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(new DatasetExport.Summary(0, 3), other.export(dir, Format.CSV, fresh, false));
        assertFalse(Files.exists(fresh));
        Path old = Files.writeString(dir.resolve("metadata.jsonl"), "{\"file_name\":\"a.jpg\"}\n");
        assertEquals(0, other.export(dir, Format.HF, old, false).exported());
        assertEquals("{\"file_name\":\"a.jpg\"}\n", Files.readString(old));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(AtomicFiles::isTemporary), "no temporary file left");
        }
    }
}
