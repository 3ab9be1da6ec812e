package dev.tagline.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.Journal;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioner;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.images.caption.QaChain;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.testkit.florence.SyntheticFlorence;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caption} on Spark against {@code tagline caption}'s job on the CLI's engine: Florence-2 in process (a
 * synthetic export) with sidecars, and a vision model behind an OpenAI-compatible server with a tagger and a question,
 * table only.
 */
class SparkCaptionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static SparkSession spark;
    static Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void session() {
        home = TestModels.home(BuiltinModels.FACES, BuiltinModels.OCR);
        spark = SparkSessions.local();
    }

    /** CaptionCommand's wiring on the CLI's engine, over {@code data}; returns the journal's records by key. */
    private static Map<String, String> cli(Path data, String captionerId, Path modelPath, Captioners.Options options,
                                           List<String> taggerIds, CaptionRequest request, Optional<QaChain> qa,
                                           CaptionJob.Outputs outputs, String sparkFingerprint) {
        ModelStore store = ModelStore.fromEnvironment(Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"),
                Progress.Factory.NONE);
        try (OnnxSessions sessions = new OnnxSessions(m -> { })) {
            List<ImageTagger> taggers = taggerIds.stream().map(id -> new Taggers(store, sessions,
                    SessionConfig.defaults(), new Taggers.Options(8, OptionalDouble.empty(), QualitySettings.DEFAULTS))
                    .open(id, null)).toList();
            StringBuilder identity = new StringBuilder();
            taggers.forEach(t -> identity.append(t.id()).append(" (").append(t.revision()).append("); "));
            try (Captioner captioner = new Captioners(store, sessions, SessionConfig.defaults(), options)
                    .open(captionerId, modelPath)) {
                CaptionJob job = new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), taggers,
                        TagRules.defaults(), captioner, request, qa, CaptionCleanup.DEFAULTS, 1, outputs,
                        identity.toString());
                BatchSummary summary = new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                        ImageFormat.COMPANIONS)), Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                        .run(data, job);
                assertEquals(2, summary.failed(), "the truncated JPEG and the empty PNG");
                assertEquals(sparkFingerprint, job.fingerprint(), "same settings, same models");
                Map<String, String> records = new TreeMap<>();
                Journal.replay(summary.journal(), e -> records.put(e.key(), e.record()));
                return records;
            } finally {
                taggers.forEach(ImageTagger::close);
            }
        }
    }

    private static CaptionJob.Outputs outputs(boolean json) {
        return new CaptionJob.Outputs(SidecarSettings.captions(), SidecarSettings.tags(), json);
    }

    private static Map<String, String> records(String table) {
        Map<String, String> rows = new TreeMap<>();
        spark.read().parquet(table).filter(col("verdict").notEqual("failed")).select("key", "record").collectAsList()
                .forEach(r -> rows.put(r.getString(0), r.getString(1)));
        return rows;
    }

    private static Map<String, Row> rows(String table) {
        Map<String, Row> rows = new TreeMap<>();
        spark.read().parquet(table).collectAsList().forEach(r -> rows.put(r.getString(r.fieldIndex("key")), r));
        return rows;
    }

    /**
     * The synthetic Florence-2 export written to {@code dir}, with CaptionCommandTest's flags: --prompt
     * {@code <CAPTION>} --max-tokens 6 --no-repeat-ngram 0 over Florence-2's own 3 beams.
     */
    private static CaptionSpec florence(Path dir) {
        SyntheticFlorence.write(dir, "", false, List.of(
                "Describe with a paragraph what is shown in the image.", "What does the image describe?"));
        return new CaptionSpec(new CaptionSpec.Model("florence-2-base", dir.toString(), null, null, 4, 120, 1024,
                true), List.of(), null, TagRules.defaults(), new CaptionSpec.Prompt("<CAPTION>", null,
                new GenerationSettings(6, 3, 1.0, 1.0, 1.0, 0), null, List.of(), CaptionCleanup.DEFAULTS, 1),
                new CaptionSpec.Sidecars(".caption", ".txt", "skip", false), home.toString(), true, "cpu");
    }

    @Test
    void webDatasetShardsGetACaptionMemberPerImage() throws IOException {
        Path data = Datasets.folder(work.resolve("data"));
        Datasets.shards(data, work.resolve("shards"));
        Path out = work.resolve("shards-out");
        RunSummary summary = new SparkRun(spark, new RunSettings(null, work.resolve("shards").toString(),
                work.resolve("table").toString(), 0, 1, false, out.toString(), false)).run(florence(work.resolve("f")));
        assertEquals(12, summary.rows(), summary.toString());
        assertEquals(2, summary.count("failed"), summary.toString());
        Map<String, String> members = new TreeMap<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(
                out.resolve("shard-000.tar")))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                members.put(e.getName(), new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        // shard-000: img-0, img-1, img-2, a.png captioned; sub/cut.jpg (000004) corrupt; clip.mp4 (000005) no image
        for (String stem : List.of("000000", "000001", "000002", "000003")) {
            assertEquals("Bc.", members.get(stem + ".caption").strip(), stem + " in " + members.keySet());
            assertEquals("caption of", members.get(stem + ".txt").substring(0, 10), "the record's own members stay");
            assertTrue(members.get(stem + ".caption.json").contains("\"caption\":\"Bc.\""), members.get(stem
                    + ".caption.json"));
        }
        assertFalse(members.containsKey("000004.caption"), members.keySet().toString());
        assertFalse(members.containsKey("000005.caption"), members.keySet().toString());
    }

    @Test
    void florenceInProcessWritesTheCliCaptionsAndRecordsAndARerunRedoesOnlyTheFailures() throws IOException {
        Path florence = work.resolve("florence");
        Path data = Datasets.folder(work.resolve("cli"));
        Path copy = work.resolve("spark");
        Datasets.copy(data, copy);
        CaptionSpec spec = florence(florence);
        String table = work.resolve("table").toString();
        RunSummary summary = new SparkRun(spark, new RunSettings(copy.toString(), null, table, 3, 1, true, null,
                false)).run(spec);
        assertEquals(13, summary.rows(), summary.toString());
        assertEquals(2, summary.count("failed"), summary.toString());
        assertEquals(1, summary.count("skipped"), "clip.mp4 is not an image: " + summary);

        Map<String, String> cli = cli(data, "florence-2-base", florence, Captioners.Options.defaults(), List.of(),
                new CaptionRequest(PromptTemplate.parse("<CAPTION>", Set.of("tags", "name", "folder")),
                        Optional.empty(), spec.prompt().generation()), Optional.empty(), outputs(false),
                summary.fingerprint());
        assertEquals(cli, records(table));
        Map<String, Row> rows = rows(table);
        int captioned = 0;
        for (String key : cli.keySet()) {
            Path sidecar = data.resolve(key.replaceFirst("\\.[a-z0-9]+$", ".caption"));
            Row row = rows.get(key);
            if (!Files.exists(sidecar)) {
                assertNull(row.getString(row.fieldIndex("caption")), key);
                continue;
            }
            captioned++;
            String text = Files.readString(sidecar);
            assertEquals(text, Files.readString(copy.resolve(data.relativize(sidecar).toString())), key);
            assertEquals(text.strip(), row.getString(row.fieldIndex("caption")), key);
            assertEquals("Bc.", text.strip(), "the synthetic export writes 'bc' with beams, whatever the image");
            assertEquals(ImageIO.read(copy.resolve(key).toFile()).getHeight(), row.getInt(row.fieldIndex("height")),
                    key);
            List<Row> models = row.getList(row.fieldIndex("models"));
            assertEquals(1, models.size(), models.toString());
            assertTrue(models.get(0).getString(0).contains("florence"), models.toString());
        }
        assertEquals(10, captioned, "every readable image");

        RunSummary again = new SparkRun(spark, new RunSettings(copy.toString(), null, table, 3, 1, true, null,
                false)).run(spec);
        assertEquals(2, again.rows(), "only the failed images are tried again: " + again);
        assertEquals(2, again.count("failed"), again.toString());
        assertEquals(11, again.earlier(), again.toString());
    }

    private static Map<String, String> outcomesAsWritten(Map<String, String> records) {
        Map<String, String> out = new TreeMap<>();
        records.forEach((k, v) -> out.put(k, v.replaceAll("\"(not written|skipped)\"", "\"written\"")));
        return out;
    }

    /** The fake vision model: a caption naming the image's width; "a white oval" to the question. */
    private static String answer(FakeOpenAiServer.ChatCall call) {
        if (call.lastUser().endsWith("Answer:")) {
            return "A white oval.";
        }
        try {
            int width = ImageIO.read(new ByteArrayInputStream(call.images().get(0))).getWidth();
            return "The image shows a white oval on a card " + width + " pixels wide";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anOpenAiServerWithATaggerAndAQuestionFillsCaptionTagsAndQaLikeTheCli() throws IOException {
        Path data = Datasets.folder(work.resolve("cli"));
        Path copy = work.resolve("spark");
        Datasets.copy(data, copy);
        try (FakeOpenAiServer server = FakeOpenAiServer.start().answers(SparkCaptionIT::answer)) {
            CaptionSpec spec = new CaptionSpec(new CaptionSpec.Model("openai:llava", null, null, server.baseUrl(),
                    2, 30, 1024, true), List.of(Taggers.QUALITY), null, TagRules.defaults(), new CaptionSpec.Prompt(
                    "{qa} Caption it.", null, GenerationSettings.VLM, "kind: What is it?", List.of(),
                    CaptionCleanup.DEFAULTS, 1), new CaptionSpec.Sidecars(".caption", ".txt", "skip", false),
                    home.toString(), true, "cpu");
            String table = work.resolve("table").toString();
            RunSummary summary = new SparkRun(spark, new RunSettings(copy.toString(), null, table, 2, 1, false, null,
                    false)).run(spec);
            assertEquals(13, summary.rows(), summary.toString());
            assertEquals(2, summary.count("failed"), summary.toString());
            try (var files = Files.walk(copy)) {
                assertFalse(files.anyMatch(p -> p.toString().endsWith(".caption") || p.toString().endsWith(".json")),
                        "without --sidecars the table is the only output");
            }

            Captioners.Options options = new Captioners.Options(Optional.of(server.baseUrl()), Optional.empty(), 2,
                    Duration.ofSeconds(30), 1024, true, Optional.empty());
            Map<String, String> cli = cli(data, "openai:llava", null, options, List.of(Taggers.QUALITY),
                    new CaptionRequest(PromptTemplate.parse("{qa} Caption it.", Set.of("tags", "name", "folder",
                            "qa")), Optional.empty(), GenerationSettings.VLM), Optional.of(QaChain.parseAsk(
                            "kind: What is it?")), outputs(true), summary.fingerprint());
            // the CLI wrote its sidecars (and kept img-0's .txt: skip); this run wrote none: compare all else
            assertEquals(outcomesAsWritten(cli), outcomesAsWritten(records(table)));
            assertTrue(records(table).get("img-1.jpg").contains("\"caption\":\"not written\""), records(table)
                    .toString());

            Map<String, Row> rows = rows(table);
            for (String key : List.of("img-1.jpg", "a/first.png", "sub/b.png", "tiny.png")) {
                Row row = rows.get(key);
                String stem = key.replaceFirst("\\.[a-z0-9]+$", "");
                String caption = Files.readString(data.resolve(stem + ".caption")).strip();
                assertEquals(caption, row.getString(row.fieldIndex("caption")), key);
                assertEquals("A white oval on a card " + row.getInt(row.fieldIndex("width")) + " pixels wide.",
                        caption, key);
                assertEquals(Files.readString(data.resolve(stem + ".txt")).strip(),
                        row.getString(row.fieldIndex("tag_text")), key);
                List<Row> tags = row.getList(row.fieldIndex("tags"));
                assertFalse(tags.isEmpty(), key);
                assertTrue(tags.stream().allMatch(t -> t.getDouble(1) > 0 && t.getDouble(1) <= 1), tags.toString());
                List<Row> qa = row.getList(row.fieldIndex("qa"));
                assertEquals(1, qa.size(), qa.toString());
                assertEquals("What is it?", qa.get(0).getString(0));
                assertEquals(JSON.readTree(data.resolve(stem + ".json").toFile()).path("qa").path("kind").asText(),
                        qa.get(0).getString(1), key);
                assertEquals("a white oval", qa.get(0).getString(1));
                assertEquals(List.of("quality", "openai:llava"), row.getList(row.fieldIndex("models")).stream()
                        .map(m -> ((Row) m).getString(0)).toList());
            }
        }
    }
}
