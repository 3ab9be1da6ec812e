package dev.tagline.spark;

import dev.tagline.core.TaglineException;

/**
 * One run of the application.
 *
 * @param folder             an image folder (any Hadoop file system), or null
 * @param shards             WebDataset shards (folder, glob or file), or null; exactly one of the two
 * @param output             the Parquet table; a rerun with the same output resumes
 * @param partitions         folder: partitions to spread the files over (0: as Spark splits the listing)
 * @param shardsPerPartition shards: how many shards one task reads
 * @param sidecars           write sidecars beside the source images (folders only)
 * @param shardsOut          write a copy of each shard with the new members added here, or null
 * @param restart            replace the table instead of resuming it
 */
public record RunSettings(String folder, String shards, String output, int partitions, int shardsPerPartition,
                          boolean sidecars, String shardsOut, boolean restart) {
    public RunSettings {
        if ((folder == null) == (shards == null)) {
            throw new TaglineException("Give exactly one input: --input FOLDER or --shards TARS",
                    "A folder of images, or WebDataset .tar shards (a folder, a glob, or one file).");
        }
        if (output == null || output.isBlank()) {
            throw new TaglineException("--output is required", "Name the Parquet table to write, e.g."
                    + " --output hdfs:///datasets/set-1/tagline.parquet.");
        }
        if (partitions < 0) {
            throw new TaglineException("--partitions must be 0 or more, got " + partitions,
                    "0 lets Spark split the listing.");
        }
        if (shardsPerPartition < 1) {
            throw new TaglineException("--shards-per-partition must be at least 1, got " + shardsPerPartition,
                    "The default is 1.");
        }
        if (sidecars && shards != null) {
            throw new TaglineException("--sidecars writes beside image files; shards have none",
                    "Use --shards-out DIR to write shards with the new members added.");
        }
        if (shardsOut != null && shards == null) {
            throw new TaglineException("--shards-out needs --shards", "For a folder, use --sidecars.");
        }
    }
}
