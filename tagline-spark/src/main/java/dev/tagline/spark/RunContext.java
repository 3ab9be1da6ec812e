package dev.tagline.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * What every task of one run gets from the driver.
 *
 * @param fingerprint  the driver's job fingerprint; executors must report the same
 * @param sidecars     write sidecars beside the sources (local and Hadoop file systems)
 * @param failAfterRows test hook ({@code spark.tagline.test.failAfterRows}): the first attempt of partition 0 dies
 *                     after this many rows, as a killed executor would; -1 (the default) never
 */
record RunContext(String runId, JobSpec spec, String fingerprint, boolean sidecars, Broadcast<DoneSet> done,
                  long failAfterRows) implements Serializable {
}
