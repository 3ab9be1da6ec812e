package dev.tagline.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import dev.tagline.images.check.CheckRecord;
import dev.tagline.images.load.Verdict;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code check}'s duplicates across partitions. Each task's {@code CheckJob} sees its own files in scan order and marks
 * repeats among them; this step gives every file the verdict the CLI would give it for the whole folder: the first file
 * of some bytes in scan order (or a file of an earlier run with those bytes, as the CLI's journal remembers it) keeps
 * its verdict, every later one becomes {@code duplicate} "same bytes as FIRST", in its columns and its record alike.
 */
final class CheckDuplicates {
    private static final UserDefinedFunction MARK = functions.udf(
            (UDF2<String, String, String>) CheckDuplicates::duplicateRecord, DataTypes.StringType);

    private CheckDuplicates() {
    }

    /** {@code fresh}: this run's rows; {@code earlier}: rows of earlier runs under the same fingerprint. */
    static Dataset<Row> apply(Dataset<Row> fresh, Dataset<Row> earlier) {
        Dataset<Row> firsts = earlier.filter(decodable().and(col("verdict").notEqual("duplicate")))
                .groupBy(group().as("g")).agg(min(struct(ScanOrder.column(col("key")).as("o"), col("key").as("k")))
                        .getField("k").as("earlier_first"));
        Dataset<Row> ranked = fresh.withColumn("g", group()).withColumn("fresh_first", first(col("key"))
                .over(Window.partitionBy(col("g")).orderBy(ScanOrder.column(col("key")))));
        Dataset<Row> joined = ranked.join(firsts, ranked.col("g").equalTo(firsts.col("g")), "left")
                .withColumn("first", coalesce(col("earlier_first"), col("fresh_first")));
        Column repeat = decodable().and(col("first").notEqual(col("key")));
        return joined
                .withColumn("verdict", when(repeat, lit("duplicate")).otherwise(col("verdict")))
                .withColumn("reason", when(repeat, concat(lit("same bytes as "), col("first")))
                        .otherwise(col("reason")))
                .withColumn("record", when(repeat, MARK.apply(col("record"), col("first"))).otherwise(col("record")))
                .select(OutputRow.SCHEMA.fieldNames()[0], java.util.Arrays.copyOfRange(OutputRow.SCHEMA.fieldNames(),
                        1, OutputRow.SCHEMA.fieldNames().length));
    }

    /** Files whose bytes count for duplicates, as in {@code CheckJob#run}: decodable, or already a repeat. */
    private static Column decodable() {
        return col("verdict").isin("ok", "converted", "too-small", "duplicate").and(col("sha256").notEqual(""));
    }

    /** The first 128 bits of the SHA-256, as {@code CheckJob} compares them; a unique group for every other file. */
    private static Column group() {
        return when(decodable(), substring(col("sha256"), 1, 32)).otherwise(concat(lit("#"), col("key")));
    }

    static String duplicateRecord(String json, String first) {
        CheckRecord r = CheckRecord.fromJson(json);
        return new CheckRecord(r.file(), Verdict.DUPLICATE, "same bytes as " + first, r.conversions(), r.format(),
                r.width(), r.height(), r.bytes(), r.sha256()).toJson();
    }
}
