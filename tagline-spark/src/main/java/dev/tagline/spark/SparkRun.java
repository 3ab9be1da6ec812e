package dev.tagline.spark;

import static org.apache.spark.sql.functions.col;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * One run: load the job on the driver (for its fingerprint), find what earlier runs wrote to the table, run the job over
 * the input partition by partition, and append the rows through Spark's file commit protocol: a task's file becomes
 * part of the table only when the task commits, so a killed or retried task leaves no rows behind and the table never
 * holds a row twice.
 */
public final class SparkRun {
    /** Test hook: the first attempt of partition 0 dies after this many rows (see {@link RunContext}). */
    public static final String FAIL_AFTER_ROWS = "spark.tagline.test.failAfterRows";

    private final SparkSession spark;
    private final RunSettings settings;

    public SparkRun(SparkSession spark, RunSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    public RunSummary run(JobSpec spec) {
        long start = System.nanoTime();
        if (settings.sidecars() && !(spec instanceof CheckSpec)) {
            // before the job, and its models, load on the driver: as tag and caption refuse a read-only dataset
            FolderInput.requireWritable(spark, settings.folder(), spec.name());
        }
        String fingerprint = JvmJobs.get(spec, null).job().fingerprint();
        Dataset<Row> earlier = settings.restart() ? empty() : earlier(spec, fingerprint);
        List<Long> digests = earlier.select("key", "sha256").javaRDD()
                .map(r -> DoneSet.digest(r.getString(0), r.getString(1))).collect();
        DoneSet done = new DoneSet(digests.stream().mapToLong(Long::longValue).toArray());
        String runId = Instant.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
        RunContext ctx = new RunContext(runId, spec, fingerprint, settings.sidecars(),
                spark.sparkContext().broadcast(done, scala.reflect.ClassTag$.MODULE$.apply(DoneSet.class)),
                Long.parseLong(spark.conf().get(FAIL_AFTER_ROWS, "-1")));
        boolean check = spec instanceof CheckSpec;
        List<String> shards = settings.shards() == null ? null : ShardInput.list(spark, settings.shards());
        JavaRDD<Row> rows = shards == null
                ? FolderInput.rows(spark, ctx, settings.folder(), settings.partitions(), check)
                : ShardInput.rows(spark, ctx, shards, settings.shardsPerPartition());
        Dataset<Row> table = spark.createDataFrame(rows, OutputRow.SCHEMA);
        if (check) {
            table = CheckDuplicates.apply(table, earlier);
        }
        table.write().mode(settings.restart() ? SaveMode.Overwrite : SaveMode.Append).parquet(settings.output());
        // with the schema: a table begun by an older Tagline has files without the warning column
        Dataset<Row> written = spark.read().schema(OutputRow.SCHEMA).parquet(settings.output())
                .filter(col("run_id").equalTo(runId));
        if (settings.shardsOut() != null) {
            ShardOutput.write(spark, shards, settings.output(), spec.name(), fingerprint,
                    JvmJobs.get(spec, fingerprint).job().sidecarExtension(), settings.shardsOut());
        }
        Map<String, Long> counts = new TreeMap<>();
        written.groupBy("verdict").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        long warned = written.filter(col("warning").isNotNull()).count();
        return new RunSummary(runId, fingerprint, counts, warned, done.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Rows of earlier runs under this fingerprint, except failures (which the next run tries again). */
    private Dataset<Row> earlier(JobSpec spec, String fingerprint) {
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(settings.output());
        try {
            if (!out.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(out)) {
                return empty();
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot open the output " + settings.output() + ": " + e.getMessage(),
                    "Check the path and the Hadoop configuration of the job.", e);
        }
        return spark.read().schema(OutputRow.SCHEMA).parquet(settings.output())
                .filter(col("job").equalTo(spec.name()).and(col("fingerprint").equalTo(fingerprint))
                        .and(col("verdict").notEqual("failed")));
    }

    private Dataset<Row> empty() {
        return spark.createDataFrame(List.of(), OutputRow.SCHEMA);
    }
}
