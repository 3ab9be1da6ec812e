package dev.tagline.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.Journal;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.check.CheckActions;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.check.CheckPolicy;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on Spark ({@code local[2]}, two attempts per task) against the CLI's engine on the same files. */
class SparkCheckIT {
    static SparkSession spark;
    static final CheckSpec CHECK = new CheckSpec(LoadOptions.DEFAULTS);

    @TempDir
    Path work;

    @BeforeAll
    static void session() {
        spark = SparkSessions.local();
    }

    @AfterEach
    void noInjectedFailure() {
        spark.conf().unset(SparkRun.FAIL_AFTER_ROWS);
    }

    private RunSummary folder(Path data, String table, int partitions) {
        return new SparkRun(spark, new RunSettings(data.toString(), null, table, partitions, 1, false, null, false))
                .run(CHECK);
    }

    /** What {@code tagline check DIR} journals: CheckCommand's scan and job on the CLI's engine. */
    static Map<String, String> cliRecords(Path data) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS);
        BatchSummary summary = new BatchEngine(BatchSettings.defaults(scan), Progress.Factory.NONE, new StopSignal(),
                BatchObserver.NONE).run(data, new CheckJob(LoadOptions.DEFAULTS, r -> { }));
        Map<String, String> records = new TreeMap<>();
        Journal.replay(summary.journal(), e -> records.put(e.key(), e.record()));
        return records;
    }

    static Map<String, String> tableRecords(String table) {
        Map<String, String> records = new TreeMap<>();
        for (Row r : spark.read().parquet(table).select("key", "record").collectAsList()) {
            String previous = records.put(r.getString(0), r.getString(1));
            assertEquals(null, previous, "one row per file: " + r.getString(0));
        }
        return records;
    }

    @Test
    void rowsEqualTheCliRecordsWithCorruptFilesAndDuplicatesAcrossPartitions() throws IOException {
        Path data = Datasets.folder(work.resolve("data"));
        String table = work.resolve("table").toString();
        int loadsBefore = JvmJobs.loads();
        RunSummary summary = folder(data, table, 4);

        Map<String, String> cli = cliRecords(data);
        assertEquals(13, cli.size(), cli.keySet().toString());
        assertEquals(cli, tableRecords(table));
        assertEquals(2, summary.count("corrupt"));
        assertEquals(2, summary.count("duplicate"), "a.png after a/first.png, zz-copy.jpg after img-1.jpg");
        assertEquals(1, summary.count("unsupported"));
        assertEquals(1, summary.count("too-small"));
        assertTrue(cli.get("a.png").contains("same bytes as a/first.png"), cli.get("a.png"));
        assertTrue(JvmJobs.loads() - loadsBefore <= 1, "the job is loaded once per JVM, not per task");

        Row cut = spark.read().parquet(table).filter(col("key").equalTo("sub/cut.jpg")).first();
        assertEquals("corrupt", cut.getString(cut.fieldIndex("verdict")));
        assertTrue(cut.getString(cut.fieldIndex("path")).startsWith("file:/"), cut.toString());
        assertEquals(64, ((Row) spark.read().parquet(table).filter(col("key").equalTo("tiny.png"))
                .select("width").first()).getInt(0));
    }

    /** dogfooding: OneTrainer masks beside their images were checked as images; the CLI and Spark pass them over. */
    @Test
    void oneTrainerMasksBesideTheirImagesAreRowsOfTheirOwnVerdictAsInTheCli() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        Files.write(data.resolve("a.jpg"), Datasets.image(300, 300, "jpg", 1));
        Files.write(data.resolve("a-masklabel.png"), Datasets.image(300, 300, "png", 2));
        Files.write(data.resolve("lone-masklabel.png"), Datasets.image(310, 300, "png", 3));
        Files.write(data.resolve("sub/b.png"), Datasets.image(320, 300, "png", 4));
        Files.write(data.resolve("sub/b-masklabel.png"), new byte[0]); // no row from the file source: listed apart
        String table = work.resolve("table").toString();
        RunSummary summary = new SparkRun(spark, new RunSettings(data.toString(), null, table, 2, 1, false,
                null, false)).run(CHECK);
        Map<String, String> cli = cliRecords(data);
        assertEquals(cli, tableRecords(table));
        assertEquals(2, summary.count("mask"), summary.toString());
        assertTrue(cli.get("sub/b-masklabel.png").contains("\"detail\":\"OneTrainer mask of b.png\""),
                cli.get("sub/b-masklabel.png"));
        assertTrue(cli.get("lone-masklabel.png").contains("\"verdict\":\"ok\""), "no lone.*: an image");
    }

    /**
     * Spark's check wrote no warning where the CLI's report line says {@code "warning"} (same.jpg and same.png would
     * share their sidecars): now each row carries the CLI's warning and the driver counts them as check does.
     */
    @Test
    void sameStemImagesHadNoWarningOnSpark_nowTheirRowsCarryTheCliReportsWarning() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        Files.write(data.resolve("a.jpg"), Datasets.image(300, 300, "jpg", 1));
        Files.write(data.resolve("sub/same.jpg"), Datasets.image(300, 300, "jpg", 2));
        Files.write(data.resolve("sub/same.png"), Datasets.image(310, 300, "png", 3));
        String table = work.resolve("table").toString();
        java.io.StringWriter printed = new java.io.StringWriter();
        assertEquals(0, SparkTagline.run(new RunSettings(data.toString(), null, table, 2, 1, false, null, false),
                CHECK, new java.io.PrintWriter(printed, true), "WARN"));

        Map<String, String> cli = new TreeMap<>();
        Path report = work.resolve("check.jsonl");
        CheckJob job = new CheckJob(LoadOptions.DEFAULTS, r -> { });
        BatchSummary batch = new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                ImageFormat.COMPANIONS)), Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE).run(data, job);
        new CheckActions(data, new CheckPolicy(null, false, false, false), new ImageLoader(LoadOptions.DEFAULTS),
                line -> { }).apply(batch.journal(), report, CheckActions.Deletion.CONFIRMED, job.warnings());
        for (String line : Files.readAllLines(report)) {
            JsonNode n = new ObjectMapper().readTree(line);
            cli.put(n.path("file").asText(), n.path("warning").isMissingNode() ? null : n.path("warning").asText());
        }
        Map<String, String> spark = new TreeMap<>();
        for (Row r : SparkCheckIT.spark.read().parquet(table).select("key", "warning").collectAsList()) {
            spark.put(r.getString(0), r.getString(1));
        }
        assertEquals(cli, spark);
        assertTrue(spark.get("sub/same.png").contains("would share the sidecar same.txt and same.caption with"
                + " sub/same.jpg"), spark.toString());
        assertEquals(null, spark.get("a.jpg"));
        assertTrue(printed.toString().contains("2 files would share a sidecar with another image of the same name (see"
                + " the table's warning column)"), printed.toString());
    }

    @Test
    void aTaskKilledMidPartitionIsRetriedWithoutDuplicateRows() throws IOException {
        Path data = Datasets.folder(work.resolve("data"));
        String table = work.resolve("table").toString();
        spark.conf().set(SparkRun.FAIL_AFTER_ROWS, "2");
        RunSummary summary = folder(data, table, 2);
        assertEquals(13, summary.rows());
        assertEquals(13, spark.read().parquet(table).count());
        assertEquals(13, spark.read().parquet(table).select("key").distinct().count());
        assertEquals(cliRecords(data), tableRecords(table));
    }

    @Test
    void aRerunSkipsWhatTheTableHasAndDoesChangedAndNewFiles() throws IOException {
        Path data = Datasets.folder(work.resolve("data"));
        String table = work.resolve("table").toString();
        assertEquals(13, folder(data, table, 2).rows());

        RunSummary again = folder(data, table, 2);
        assertEquals(0, again.rows(), again.toString());
        assertEquals(13, again.earlier());

        Files.write(data.resolve("new.png"), Datasets.image(300, 280, "png", 21));
        Files.write(data.resolve("img-2.jpg"), Datasets.image(310, 290, "jpg", 22));
        Files.write(data.resolve("new-copy.jpg"), Files.readAllBytes(data.resolve("img-3.jpg")));
        RunSummary third = folder(data, table, 2);
        assertEquals(3, third.rows(), third.toString());
        assertEquals(1, third.count("duplicate"), "a new copy of a file checked earlier is a duplicate of it");
        Row copy = spark.read().parquet(table).filter(col("key").equalTo("new-copy.jpg")).first();
        assertEquals("same bytes as img-3.jpg", copy.getString(copy.fieldIndex("reason")));
    }

    @Test
    void webDatasetShardsGiveOneRowPerImageMemberAndShardsWithTheResultsAdded() throws IOException {
        Path data = Datasets.folder(work.resolve("data"));
        List<Path> shards = Datasets.shards(data, work.resolve("shards"));
        String table = work.resolve("table").toString();
        Path out = work.resolve("shards-out");
        RunSummary summary = new SparkRun(spark, new RunSettings(null, work.resolve("shards").toString(), table, 0,
                1, false, out.toString(), false)).run(CHECK);

        assertEquals(12, summary.rows(), summary.toString());
        assertEquals(2, summary.count("corrupt"));
        assertEquals(1, summary.count("duplicate"), "zz-copy.jpg in shard 2 repeats img-1.jpg of shard 1");
        Row copy = spark.read().parquet(table).filter(col("key").equalTo("shard-001.tar/000002.jpg")).first();
        assertEquals("same bytes as shard-000.tar/000001.jpg", copy.getString(copy.fieldIndex("reason")));
        assertTrue(copy.getString(copy.fieldIndex("path")).endsWith("shard-001.tar#000002.jpg"));

        List<String> members = members(out.resolve("shard-000.tar"));
        assertEquals(List.of("000000.jpg", "000000.txt", "000000.check.json", "000001.jpg", "000001.txt",
                "000001.check.json"), members.subList(0, 6));
        assertEquals(18, members.size(), members.toString());
        assertEquals(shards.size(), Files.list(out).filter(p -> p.toString().endsWith(".tar")).count());
    }

    static List<String> members(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
