package dev.tagline.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.Journal;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.TagJob;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tag} with the quality tagger on Spark against {@code tagline tag}'s job on the CLI's engine. */
class SparkTagIT {
    static SparkSession spark;
    static Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void session() {
        home = TestModels.home(BuiltinModels.FACES, BuiltinModels.OCR);
        spark = SparkSessions.local();
    }

    private TagSpec spec() {
        return new TagSpec(List.of(Taggers.QUALITY), null, home.toString(), true, "cpu", 8, null,
                TagRules.defaults(), ".txt", "skip");
    }

    /** TagCommand's wiring of the quality tagger, on the CLI's engine; returns the journal's records by key. */
    private Map<String, String> cli(Path data, TagSpec spec) {
        ModelStore store = ModelStore.fromEnvironment(Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"),
                Progress.Factory.NONE);
        try (OnnxSessions sessions = new OnnxSessions(m -> { })) {
            ImageTagger tagger = new Taggers(store, sessions, SessionConfig.defaults(), new Taggers.Options(8,
                    OptionalDouble.empty(), QualitySettings.DEFAULTS)).open(Taggers.QUALITY, null);
            String identity = tagger.id() + " (" + tagger.revision() + "); " + spec.sidecar();
            TagJob job = new TagJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(tagger),
                    spec.rules(), new SidecarWriter(spec.sidecar()), 8, identity);
            BatchSummary summary = new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                    ImageFormat.COMPANIONS)), Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                    .run(data, job);
            assertEquals(1, summary.failed(), "the empty PNG; the truncated JPEG's sidecar exists, so it is passed"
                    + " over before decoding");
            assertEquals(JvmJobs.get(spec, null).job().fingerprint(), job.fingerprint(), "same settings, same model");
            Map<String, String> records = new TreeMap<>();
            Journal.replay(summary.journal(), e -> records.put(e.key(), e.record()));
            tagger.close();
            return records;
        }
    }

    private static Map<String, String> outcomesAsWritten(Map<String, String> records) {
        Map<String, String> out = new TreeMap<>();
        records.forEach((k, v) -> out.put(k, v.replace("\"sidecar\":\"skipped\"", "\"sidecar\":\"written\"")));
        return out;
    }

    @Test
    void rowsAndSidecarsEqualTheCliEvenWhenATaskIsKilledMidPartition() throws IOException {
        Path data = Datasets.folder(work.resolve("cli"));
        Path copy = work.resolve("spark");
        Datasets.copy(data, copy);
        Map<String, String> cli = cli(data, spec());

        String table = work.resolve("table").toString();
        spark.conf().set(SparkRun.FAIL_AFTER_ROWS, "3");
        RunSummary summary;
        try {
            summary = new SparkRun(spark, new RunSettings(copy.toString(), null, table, 3, 1, true, null, false))
                    .run(spec());
        } finally {
            spark.conf().unset(SparkRun.FAIL_AFTER_ROWS);
        }
        assertEquals(13, summary.rows(), summary.toString());
        assertEquals(2, summary.count("failed"));
        assertEquals(13, spark.read().parquet(table).select("key").distinct().count());
        Map<String, String> rows = new TreeMap<>();
        spark.read().parquet(table).filter(col("verdict").notEqual("failed")).select("key", "record").collectAsList()
                .forEach(r -> rows.put(r.getString(0), r.getString(1)));
        // a retried item finds the sidecar its killed attempt wrote, as a resumed CLI run does: "skipped"; the CLI
        // passes over images whose sidecar existed before the run, which Spark tags for its table
        List<String> passedOver = cli.entrySet().stream().filter(e -> e.getValue().contains("\"skipped\":\""
                + TagJob.SIDECAR_EXISTS + "\"")).map(Map.Entry::getKey).toList();
        assertEquals(List.of("img-0.jpg", "sub/cut.jpg"), passedOver);
        passedOver.forEach(k -> {
            cli.remove(k);
            rows.remove(k);
        });
        assertEquals(outcomesAsWritten(cli), outcomesAsWritten(rows));
        for (String key : cli.keySet()) {
            Path sidecar = Path.of(new SidecarWriter(spec().sidecar()).sidecarFor(data.resolve(key)).toString());
            if (Files.exists(sidecar) && !key.equals("img-0.jpg")) {
                Path twin = copy.resolve(data.relativize(sidecar).toString());
                assertEquals(Files.readString(sidecar), Files.readString(twin), key);
            }
        }
        Row tiny = spark.read().parquet(table).filter(col("key").equalTo("tiny.png")).first();
        List<Row> tags = tiny.getList(tiny.fieldIndex("tags"));
        assertFalse(tags.isEmpty(), "the quality tagger tags a flat 64x64 image (low resolution at least)");
        assertTrue(tags.stream().allMatch(t -> t.getDouble(1) > 0 && t.getDouble(1) <= 1), tags.toString());
        assertEquals(String.join(", ", tags.stream().map(t -> t.getString(0)).toList()),
                tiny.getString(tiny.fieldIndex("tag_text")));
        assertEquals("quality", ((Row) tiny.getList(tiny.fieldIndex("models")).get(0)).getString(0));
    }

    /**
     * Spark did not use the folder scan: same.jpg and same.png shared one sidecar (the CLI fails both), and a read-only
     * folder was found only when the first sidecar was written, after the models had loaded.
     */
    @Test
    void sameStemImagesFailAsInTheCliAndAReadOnlyFolderIsRefusedBeforeAnyModelLoads() throws IOException {
        Path data = Files.createDirectories(work.resolve("stems/sub"));
        Files.write(data.resolve("same.jpg"), Datasets.image(300, 300, "jpg", 1));
        Files.write(data.resolve("same.png"), Datasets.image(300, 300, "png", 2));
        Files.write(data.resolve("other.png"), Datasets.image(300, 300, "png", 3));
        String table = work.resolve("stems-table").toString();
        RunSummary summary = new SparkRun(spark, new RunSettings(work.resolve("stems").toString(), null, table, 2, 1,
                true, null, false)).run(spec());
        assertEquals(2, summary.count("failed"), summary.toString());
        Map<String, String> reasons = new TreeMap<>();
        spark.read().parquet(table).filter(col("verdict").equalTo("failed")).select("key", "reason").collectAsList()
                .forEach(r -> reasons.put(r.getString(0), r.getString(1)));
        assertEquals(List.of("sub/same.jpg", "sub/same.png"), List.copyOf(reasons.keySet()));
        assertTrue(reasons.get("sub/same.png").contains("would share the sidecar same.txt with sub/same.jpg"),
                reasons.toString());
        assertTrue(reasons.get("sub/same.jpg").contains("would share the sidecar same.txt with sub/same.png"),
                reasons.toString());
        assertFalse(Files.exists(data.resolve("same.txt")), "neither writes the sidecar they would share");

        // root may write anywhere but a read-only mount; /proc/sys is one on Linux
        Path readOnly = Path.of("/proc/sys");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(readOnly) && !Files.isWritable(readOnly),
                "needs a folder this user cannot write to (/proc/sys on Linux)");
        TagSpec unknownModel = new TagSpec(List.of("no-such-model"), null, home.toString(), true, "cpu", 8, null,
                TagRules.defaults(), ".txt", "skip");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.tagline.core.TaglineException.class,
                () -> new SparkRun(spark, new RunSettings(readOnly.toString(), null, work.resolve("ro-table")
                        .toString(), 1, 1, true, null, false)).run(unknownModel));
        assertEquals("/proc/sys is read-only, and tag writes its sidecars beside the images", e.getMessage(),
                "the CLI's message, before the unknown model is looked for");
    }
}
