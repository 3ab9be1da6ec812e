package dev.tagline.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the output table: one source image (or other file) under one job. {@code record} is the line the CLI
 * journals for the same file, so a table and a CLI run can be compared field for field.
 *
 * @param path        the source as a URI; for a WebDataset member {@code SHARD#MEMBER}
 * @param key         the path relative to the input root ({@code /}-separated, as the CLI's journal and reports name
 *                    files); for a WebDataset member {@code SHARD-NAME/MEMBER}
 * @param verdict     check: the file's verdict; other jobs: {@code ok}, {@code skipped} (not an image) or
 *                    {@code failed} (a failed item is tried again by the next run)
 * @param reason      why (empty for ok)
 * @param tags        chosen tags with scores, in sidecar order; empty when the job does not tag
 * @param tagText     the tag sidecar's text
 * @param caption     the caption; null until a caption job writes it
 * @param qa          question/answer pairs of a Q/A chain; empty unless the caption job ran one
 * @param models      the models that ran, with their revisions
 * @param warning     check: what the CLI's report line says in {@code "warning"} (an image named like another of its
 *                    folder but for the extension, which would share its sidecars); null for none and for other jobs
 */
record OutputRow(String runId, String job, String fingerprint, String path, String key, String shard, String sha256,
                 String verdict, String reason, int width, int height, List<Tag> tags, String tagText,
                 String caption, List<Answer> qa, List<Model> models, String record, String warning) {
    record Tag(String name, double score, String category) {
    }

    record Answer(String question, String answer) {
    }

    record Model(String id, String revision) {
    }

    static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("job", DataTypes.StringType, false)
            .add("fingerprint", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false)
            .add("key", DataTypes.StringType, false)
            .add("shard", DataTypes.StringType, true)
            .add("sha256", DataTypes.StringType, false)
            .add("verdict", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false)
            .add("tags", new ArrayType(new StructType().add("name", DataTypes.StringType, false)
                    .add("score", DataTypes.DoubleType, false).add("category", DataTypes.StringType, false), false),
                    false)
            .add("tag_text", DataTypes.StringType, true)
            .add("caption", DataTypes.StringType, true)
            .add("qa", new ArrayType(new StructType().add("question", DataTypes.StringType, false)
                    .add("answer", DataTypes.StringType, false), false), false)
            .add("models", new ArrayType(new StructType().add("id", DataTypes.StringType, false)
                    .add("revision", DataTypes.StringType, false), false), false)
            .add("record", DataTypes.StringType, false)
            .add("warning", DataTypes.StringType, true);

    /** A row for an item that failed in {@code prepare} or {@code run}: kept in the table, redone on resume. */
    static OutputRow failed(String runId, String job, String fingerprint, String path, String key, String shard,
                            String sha256, String problem) {
        return new OutputRow(runId, job, fingerprint, path, key, shard, sha256, "failed", problem, 0, 0, List.of(),
                null, null, List.of(), List.of(), "", null);
    }

    /** This row, filled with where it came from (the job fills what it found). */
    OutputRow from(String newRunId, String newFingerprint, String newPath, String newKey, String newShard,
                   String newSha) {
        return new OutputRow(newRunId, job, newFingerprint, newPath, newKey, newShard, newSha.isEmpty() ? sha256
                : newSha, verdict, reason, width, height, tags, tagText, caption, qa, models, record, warning);
    }

    /** This row with {@code text} as its warning (null: none). */
    OutputRow withWarning(String text) {
        return new OutputRow(runId, job, fingerprint, path, key, shard, sha256, verdict, reason, width, height, tags,
                tagText, caption, qa, models, record, text);
    }

    /** A result row as a job reports it; {@link #from} adds the source. */
    static OutputRow result(String job, String sha256, String verdict, String reason, int width, int height,
                            List<Tag> tags, String tagText, String caption, List<Answer> qa, List<Model> models,
                            String record) {
        return new OutputRow("", job, "", "", "", null, sha256, verdict, reason, width, height, tags, tagText,
                caption, qa, models, record, null);
    }

    Row toRow() {
        return RowFactory.create(runId, job, fingerprint, path, key, shard, sha256, verdict, reason, width, height,
                tags.stream().map(t -> RowFactory.create(t.name(), t.score(), t.category())).toList().toArray(),
                tagText, caption,
                qa.stream().map(a -> RowFactory.create(a.question(), a.answer())).toList().toArray(),
                models.stream().map(m -> RowFactory.create(m.id(), m.revision())).toList().toArray(), record,
                warning);
    }
}
