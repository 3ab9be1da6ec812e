package dev.tagline.publish.engine;

import java.time.Duration;

/**
 * Tuning of the job engine, validated at start.
 *
 * @param threads posts published at once by one worker
 * @param lease how long a claim holds without a heartbeat; a dead worker's posts are taken over after it
 * @param poll how often an idle worker looks for due posts
 * @param maxTries tries of the retry-safe steps before a post fails
 * @param createGrace how long after an interrupted create a "not found" answer is trusted (covers the call's timeout)
 * @param reconcileEvery first wait before the reconciler asks the platform about an unconfirmed post
 * @param inlinePolls status polls made while holding the post before handing it back with a due time
 */
public record EngineSettings(int threads, Duration lease, Duration poll, int maxTries, Duration createGrace,
                             Duration reconcileEvery, int inlinePolls) {
    public EngineSettings {
        if (threads < 1 || threads > 256) {
            throw new dev.tagline.core.TaglineException("--threads " + threads + " is out of range", "Use 1 to 256.");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new dev.tagline.core.TaglineException("--lease " + lease + " is too short", "Use at least 1s.");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(4, Duration.ofMinutes(5), Duration.ofSeconds(10), 8, Duration.ofMinutes(2),
                Duration.ofMinutes(1), 10);
    }

    public EngineSettings withThreads(int n) {
        return new EngineSettings(n, lease, poll, maxTries, createGrace, reconcileEvery, inlinePolls);
    }

    public EngineSettings withTiming(Duration newLease, Duration newPoll, Duration newGrace, Duration newReconcile) {
        return new EngineSettings(threads, newLease, newPoll, maxTries, newGrace, newReconcile, inlinePolls);
    }
}
