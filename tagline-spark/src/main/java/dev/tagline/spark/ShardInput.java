package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.images.load.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * WebDataset shards: {@code .tar} files whose members are grouped into records by key ({@code 000123.jpg},
 * {@code 000123.txt}, {@code 000123.json}). Each image member is one item; the record's text members stay in the
 * shard (and are carried into {@code --shards-out}). Shards are streamed from their file system by the task that owns
 * them, never loaded whole; {@code perPartition} shards make one partition.
 */
final class ShardInput {
    private ShardInput() {
    }

    /** The shards named by {@code spec}: a folder (its {@code *.tar}), a glob, or one file; sorted by path. */
    static List<String> list(SparkSession spark, String spec) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(spec);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.exists(path) && fs.getFileStatus(path).isDirectory()
                    ? fs.listStatus(path, p -> p.getName().endsWith(".tar")) : fs.globStatus(path);
            List<String> shards = new ArrayList<>();
            if (found != null) {
                Arrays.stream(found).filter(FileStatus::isFile).map(s -> s.getPath().toString()).sorted()
                        .forEach(shards::add);
            }
            if (shards.isEmpty()) {
                throw new TaglineException("No .tar shards at " + spec, "Give a folder of WebDataset shards, a glob"
                        + " such as 'data/shard-*.tar', or one shard.");
            }
            return shards;
        } catch (IOException e) {
            throw new TaglineException("Cannot list " + spec + ": " + e.getMessage(),
                    "Check the path and the Hadoop configuration of the job.", e);
        }
    }

    static JavaRDD<Row> rows(SparkSession spark, RunContext ctx, List<String> shards, int perPartition) {
        int slices = Math.max(1, (shards.size() + perPartition - 1) / perPartition);
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(shards, slices)
                .mapPartitions(it -> PartitionRunner.run(ctx, new Members(it)));
    }

    static boolean companion(String member) {
        int dot = member.lastIndexOf('.');
        return dot > 0 && ImageFormat.COMPANIONS.contains(member.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String name(String shard) {
        return shard.substring(shard.lastIndexOf('/') + 1);
    }

    /** The non-companion members of a partition's shards, one shard open at a time. */
    private static final class Members implements Iterator<WorkItem> {
        private final Iterator<String> shards;
        private final Configuration conf = HadoopConf.inTask();
        private String shard;
        private TarArchiveInputStream tar;
        private WorkItem next;

        Members(Iterator<String> shards) {
            this.shards = shards;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (tar == null) {
                        if (!shards.hasNext()) {
                            return false;
                        }
                        shard = shards.next();
                        InputStream in = new org.apache.hadoop.fs.Path(shard).getFileSystem(conf)
                                .open(new org.apache.hadoop.fs.Path(shard));
                        tar = new TarArchiveInputStream(in);
                    }
                    TarArchiveEntry e = tar.getNextEntry();
                    if (e == null) {
                        tar.close();
                        tar = null;
                    } else if (e.isFile() && !companion(e.getName())) {
                        next = new WorkItem(shard + "#" + e.getName(), name(shard) + "/" + e.getName(), shard,
                                e.getSize(), e.getModTime().getTime(), null, tar.readAllBytes());
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shard " + shard, e);
            }
        }

        @Override
        public WorkItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            WorkItem out = next;
            next = null;
            return out;
        }
    }
}
