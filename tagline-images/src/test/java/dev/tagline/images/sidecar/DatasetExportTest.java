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
        assertEquals(List.of(2L, 1L, 0L), List.of(s.exported(), s.uncaptioned(), s.filtered()));
        List<String> lines = Files.readAllLines(out);
        assertEquals("{\"file_name\":\"a.jpg\",\"text\":\"A cat, \\\"grumpy\\\".\",\"tags\":\"cat, indoors\"}",
                lines.get(0));
        assertEquals("{\"file_name\":\"sub/b.png\",\"text\":\"dog\",\"tags\":\"dog\"}", lines.get(1));
    }

    /**
     * Dogfood round 8 K11: a tags-only image's row had no {@code text}, so diffusers' train_text_to_image (default
     * {@code --caption_column text}) stopped on a tags-only folder and, in a mixed one, trained on null prompts.
     */
    @Test
    void aTagsOnlyRowHadNoText_nowEveryRowHasTextAndTagsAndTheSummarySaysWhichTextIsTags() throws IOException {
        Files.writeString(dir.resolve("d.caption"), "A bird."); // caption, no tags
        Files.write(dir.resolve("d.gif"), new byte[] {1});
        Path out = dir.resolve("metadata.jsonl");
        DatasetExport.Summary s = export.export(dir, Format.HF, out, false);
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) {
            JsonNode row = json.readTree(line);
            assertEquals(List.of("file_name", "text", "tags"), iterable(row.fieldNames()), line);
            assertFalse(row.get("text").asText().isEmpty(), line);
        }
        assertEquals("", json.readTree(Files.readAllLines(out).get(1)).get("tags").asText(), "d.gif: no tags");
        assertEquals(List.of("1 row takes its text from the tags (no caption): sub/b.png. A trainer reading the text"
                + " column trains on the tags as the prompt there; caption those images first (tagline caption) for"
                + " sentences."), s.notes());

        Files.writeString(dir.resolve("sub/e.txt"), "bird, sky");
        Files.write(dir.resolve("sub/e.png"), new byte[] {1});
        DatasetExport.Summary csv = export.export(dir, Format.CSV, dir.resolve("metadata.csv"), false);
        assertTrue(Files.readAllLines(dir.resolve("metadata.csv")).contains("sub/b.png,dog,dog"));
        assertEquals(1, csv.notes().size(), csv.toString());
        assertTrue(csv.notes().get(0).startsWith("2 rows take their caption from the tags (no caption)"),
                csv.toString());
        assertEquals(List.of(), export.export(dir, Format.KOHYA, dir.resolve("m.json"), true).notes(),
                "kohya's loader falls back to the tags itself");
    }

    /** Dogfood round 9 L12: the note on rows whose text is their tags gave a count but named no image. */
    @Test
    void theNoteOnRowsTakingTheirTextFromTheTagsNamedNoImage_nowItNamesTheFirstFive() throws IOException {
        for (int i = 1; i <= 6; i++) {
            Files.writeString(dir.resolve("t" + i + ".txt"), "tag" + i);
            Files.write(dir.resolve("t" + i + ".png"), new byte[] {1});
        }
        DatasetExport.Summary s = export.export(dir, Format.HF, dir.resolve("metadata.jsonl"), false);
        assertTrue(s.notes().get(0).startsWith("7 rows take their text from the tags (no caption): sub/b.png, t1.png,"
                + " t2.png, t3.png, t4.png and 2 more. A trainer reading the text column"), s.notes().toString());
    }

    /**
     * Dogfood round 8 K12: a two-line caption went verbatim into every format unsaid, though kohya's repeat-folder
     * loader reads only its first line and OneTrainer takes each line as a prompt of its own. Still verbatim; now said.
     */
    @Test
    void aCaptionOfSeveralLinesWasExportedUnsaid_nowVerbatimWithANoteNamingIt() throws IOException {
        Files.writeString(dir.resolve("a.caption"), "line one\nline two");
        for (Format f : List.of(Format.HF, Format.KOHYA, Format.CSV)) {
            Path out = dir.resolve("out-" + f);
            DatasetExport.Summary s = export.export(dir, f, out, false);
            assertTrue(Files.readString(out).contains(f == Format.CSV ? "\"line one\nline two\""
                    : "line one\\nline two"), f + ": verbatim");
            assertTrue(s.notes().contains("1 caption has several lines (a.caption), exported as written: kohya's"
                    + " repeat-folder training reads only the first, OneTrainer treats each line as a separate prompt."
                    + " Join the lines if one prompt is meant."), f + ": " + s);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
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
            Path out = f.writesFolder() ? dir.resolveSibling(dir.getFileName() + "-out") : dir.resolve("out-" + f);
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
                "sub/b.png,dog,dog"), Files.readAllLines(out));
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
