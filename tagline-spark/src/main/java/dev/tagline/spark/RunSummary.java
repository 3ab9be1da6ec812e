package dev.tagline.spark;

import java.time.Duration;
import java.util.Map;

/**
 * What a run did.
 *
 * @param perVerdict this run's rows by verdict
 * @param warned     this run's rows with a warning (check: images that would share a sidecar)
 * @param earlier    rows of earlier runs under the same fingerprint, whose files this run skipped when unchanged
 */
public record RunSummary(String runId, String fingerprint, Map<String, Long> perVerdict, long warned, long earlier,
                         Duration elapsed) {
    public long rows() {
        return perVerdict.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String verdict) {
        return perVerdict.getOrDefault(verdict, 0L);
    }
}
