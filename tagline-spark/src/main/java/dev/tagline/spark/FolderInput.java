package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.SameStems;
import dev.tagline.images.load.ImageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.PartitioningAwareFileIndex;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An image folder on any Hadoop file system, listed and read by Spark's {@code binaryFile} source (recursively, so
 * {@code a=b} folders are not taken for table partitions). Sidecars and other companions are left out as the CLI's scan
 * leaves them; other non-images become {@code unsupported} rows. Files on the local file system are read in place (the
 * source reads no content then); others arrive as bytes. Spark passes over names starting with {@code .} or {@code _}.
 */
final class FolderInput {
    private FolderInput() {
    }

    /** The root as the file system names it ({@code file:/data/set}, {@code hdfs://nn/data/set}), no trailing slash. */
    static String qualify(SparkSession spark, String root) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.getFileStatus(path).isDirectory()) {
                throw new TaglineException(root + " is not a folder", "Give the folder that holds the images, or"
                        + " use --shards for WebDataset .tar files.");
            }
            return fs.makeQualified(path).toString().replaceAll("/+$", "");
        } catch (java.io.FileNotFoundException e) {
            throw new TaglineException(root + " does not exist", "Check the --input path (and, for HDFS or S3,"
                    + " the Hadoop configuration given with --conf spark.hadoop.*).", e);
        } catch (IOException e) {
            throw new TaglineException("Cannot open " + root + ": " + e.getMessage(),
                    "Check the path and the Hadoop configuration of the job.", e);
        }
    }

    /**
     * Refuses a folder whose sidecars cannot be written, before any model is loaded, with the CLI's message
     * ({@link BatchEngine#requireWritableFolder}): a local folder by the same test, one on another file system by
     * its own permission check.
     */
    static void requireWritable(SparkSession spark, String root, String command) {
        String base = qualify(spark, root);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(base);
        if (base.startsWith("file:")) {
            BatchEngine.requireWritableFolder(Path.of(path.toUri()), command);
            return;
        }
        try {
            path.getFileSystem(spark.sparkContext().hadoopConfiguration()).access(path, FsAction.WRITE);
        } catch (org.apache.hadoop.security.AccessControlException e) {
            throw BatchEngine.readOnlyFolder(base, command);
        } catch (IOException e) {
            throw new TaglineException("Cannot open " + root + ": " + e.getMessage(),
                    "Check the path and the Hadoop configuration of the job.", e);
        }
    }

    /**
     * The job's rows: one per file, run per partition by {@link PartitionRunner}. Spark's file sources make no row for
     * a zero-byte file (it has no split to read); those the CLI reports as corrupt, so they are found in the source's
     * own listing and run as items of their own.
     */
    static JavaRDD<Row> rows(SparkSession spark, RunContext ctx, String root, int partitions, boolean scanOrder) {
        String base = qualify(spark, root);
        boolean local = base.startsWith("file:");
        String companions = "(?i).*\\.(" + ImageFormat.COMPANIONS.stream().sorted().collect(Collectors.joining("|"))
                + ")$";
        Dataset<Row> listed = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(base);
        Dataset<Row> files = listed.filter(functions.not(functions.col("path").rlike(companions)))
                .withColumn("key", functions.expr("substring(path, " + (base.length() + 2) + ")"));
        Column[] columns = local
                ? new Column[] {functions.col("path"), functions.col("key"), functions.col("length"),
                        functions.col("modificationTime")}
                : new Column[] {functions.col("path"), functions.col("key"), functions.col("length"),
                        functions.col("modificationTime"), functions.col("content")};
        files = files.select(columns);
        if (partitions > 0) {
            files = files.repartition(partitions);
        }
        if (scanOrder) {
            files = files.sortWithinPartitions(ScanOrder.column(functions.col("key")));
        }
        // images of one folder with one stem would share a sidecar, and OneTrainer masks are no images: both are
        // marked from the listing, as the CLI's scan does
        List<FileStatus> listing = listing(listed);
        List<String> keys = listing.stream().map(s -> s.getPath().toString())
                .filter(uri -> uri.startsWith(base + "/")).map(uri -> uri.substring(base.length() + 1)).toList();
        Marks marks = new Marks(SameStems.of(keys, ImageFormat.EXTENSIONS),
                OneTrainerMasks.of(keys, ImageFormat.EXTENSIONS));
        JavaRDD<Row> rows = files.javaRDD().mapPartitions(r -> PartitionRunner.run(ctx, items(r, local, marks)));
        List<WorkItem> empty = emptyFiles(listing, base, companions, local, marks);
        return empty.isEmpty() ? rows : rows.union(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(empty, 1).mapPartitions(it -> PartitionRunner.run(ctx, it)));
    }

    /**
     * Zero-byte files: in the source's listing but given no row. Read from the listing the source already made (its
     * file index), so finding them costs no Spark job and no further calls to the file system.
     */
    private static List<WorkItem> emptyFiles(List<FileStatus> listing, String base, String companions, boolean local,
                                             Marks marks) {
        List<WorkItem> empty = new ArrayList<>();
        for (FileStatus status : listing) {
            String uri = status.getPath().toString();
            if (status.getLen() == 0 && !uri.matches(companions) && uri.startsWith(base + "/")) {
                String key = uri.substring(base.length() + 1);
                empty.add(new WorkItem(uri, key, null, 0, status.getModificationTime(),
                        local ? status.getPath().toUri().getPath() : null, local ? null : new byte[0],
                        marks.sameStems().get(key), marks.masks().get(key)));
            }
        }
        return empty;
    }

    private static List<FileStatus> listing(Dataset<Row> listed) {
        if (listed.queryExecution().analyzed() instanceof LogicalRelation relation
                && relation.relation() instanceof HadoopFsRelation fs
                && fs.location() instanceof PartitioningAwareFileIndex index) {
            return scala.jdk.javaapi.CollectionConverters.asJava(index.allFiles());
        }
        throw new IllegalStateException("the binaryFile source did not plan as a file relation: "
                + listed.queryExecution().analyzed().getClass().getName());
    }

    /** Per key, what the CLI's scan would mark: another image of its stem ({@link SameStems}), a mask's image. */
    private record Marks(Map<String, String> sameStems, Map<String, String> masks) implements java.io.Serializable {
    }

    private static Iterator<WorkItem> items(Iterator<Row> rows, boolean local, Marks marks) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public WorkItem next() {
                Row r = rows.next();
                String uri = r.getString(0);
                String file = local ? new org.apache.hadoop.fs.Path(uri).toUri().getPath() : null;
                return new WorkItem(uri, r.getString(1), null, r.getLong(2), r.getTimestamp(3).getTime(), file,
                        local ? null : (byte[]) r.get(4), marks.sameStems().get(r.getString(1)),
                        marks.masks().get(r.getString(1)));
            }
        };
    }
}
