package dev.tagline.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --shards-out}: a copy of every input shard with each image's results added as new members right after its
 * record's own, {@code KEY.<job>.json} (the table row: verdict, tags with scores, caption, record) and, for a job that
 * writes sidecars, {@code KEY<extension>} with its text (the caption, else the tags) unless the record already has
 * that member. Built from the committed table,
 * all runs under this fingerprint, so a resumed run writes complete shards; each shard is written to a temporary name
 * and renamed, so a retried task replaces it whole.
 */
final class ShardOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardOutput() {
    }

    static void write(SparkSession spark, List<String> shards, String table, String job, String fingerprint,
                      String extension, String out) {
        Dataset<Row> rows = spark.read().schema(OutputRow.SCHEMA).parquet(table).filter(col("job").equalTo(job)
                .and(col("fingerprint").equalTo(fingerprint)).and(col("verdict").notEqual("failed")));
        Map<String, Map<String, String>> byShard = new HashMap<>();
        rows.select("shard", "key", "verdict", "reason", "tags", "tag_text", "caption", "record").collectAsList()
                .forEach(r -> byShard.computeIfAbsent(r.getString(0), s -> new HashMap<>())
                        .put(r.getString(1), rowJson(r)));
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(shards, Math.max(1, shards.size()))
                .foreach(shard -> copy(shard, out, byShard.getOrDefault(shard, Map.of()), job, extension));
    }

    private static String rowJson(Row r) {
        ObjectNode n = JSON.createObjectNode().put("verdict", r.getString(2)).put("reason", r.getString(3));
        var tags = n.putArray("tags");
        for (Row t : r.<Row>getList(4)) {
            tags.addObject().put("name", t.getString(0)).put("score", t.getDouble(1)).put("category", t.getString(2));
        }
        n.put("tag_text", r.getString(5)).put("caption", r.getString(6)).put("record", r.getString(7));
        return n.toString();
    }

    /** Streams {@code shard} into {@code out/NAME}, adding each member's results after its record. */
    private static void copy(String shard, String out, Map<String, String> rows, String job, String extension)
            throws IOException {
        Configuration conf = HadoopConf.inTask();
        String name = ShardInput.name(shard);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out, name);
        org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(out, "." + name + ".tmp");
        FileSystem fs = target.getFileSystem(conf);
        Map<String, String> pending = new HashMap<>();
        java.util.Set<String> members = new java.util.HashSet<>();
        String recordKey = null;
        try (InputStream in = new org.apache.hadoop.fs.Path(shard).getFileSystem(conf)
                .open(new org.apache.hadoop.fs.Path(shard));
             TarArchiveInputStream tar = new TarArchiveInputStream(in);
             OutputStream raw = fs.create(temp, true);
             TarArchiveOutputStream dst = new TarArchiveOutputStream(raw)) {
            dst.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String key = recordKey(e.getName());
                if (!key.equals(recordKey)) {
                    flush(dst, pending, members, job, extension);
                    recordKey = key;
                }
                members.add(e.getName());
                dst.putArchiveEntry(e);
                tar.transferTo(dst);
                dst.closeArchiveEntry();
                String json = rows.get(name + "/" + e.getName());
                if (json != null) {
                    pending.put(e.getName(), json);
                }
            }
            flush(dst, pending, members, job, extension);
            dst.finish();
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            throw new UncheckedIOException(new IOException("cannot rename " + temp + " to " + target));
        }
    }

    /** Adds the results of the record just copied: {@code KEY.<job>.json} and the sidecar text. */
    private static void flush(TarArchiveOutputStream dst, Map<String, String> pending, java.util.Set<String> members,
                              String job, String extension) throws IOException {
        for (Map.Entry<String, String> p : pending.entrySet()) {
            String stem = recordKey(p.getKey());
            var node = JSON.readTree(p.getValue());
            add(dst, stem + "." + job + ".json", p.getValue());
            String text = node.path("caption").asText("").isEmpty() ? node.path("tag_text").asText("")
                    : node.path("caption").asText();
            if (extension != null && !text.isEmpty() && !members.contains(stem + extension)) {
                add(dst, stem + extension, text);
            }
        }
        pending.clear();
        members.clear();
    }

    private static void add(TarArchiveOutputStream dst, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        dst.putArchiveEntry(e);
        dst.write(bytes);
        dst.closeArchiveEntry();
    }

    /** WebDataset's record key: the member's path up to the first dot of its file name. */
    static String recordKey(String member) {
        int slash = member.lastIndexOf('/');
        int dot = member.indexOf('.', slash + 1);
        return dot < 0 ? member : member.substring(0, dot);
    }
}
