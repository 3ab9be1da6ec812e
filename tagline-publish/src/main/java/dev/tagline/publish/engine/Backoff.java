package dev.tagline.publish.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try again: the platform's {@code Retry-After} when it gave one (never earlier, plus up to 10 % jitter so
 * that many posts do not return at the same second), else exponential backoff from 30 s doubling to a 1 h cap with
 * "equal jitter" (half fixed, half random).
 */
public final class Backoff {
    static final Duration INITIAL = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofHours(1);
    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The next try after the {@code tries}-th failed one (1-based). */
    public Instant next(int tries, Duration retryAfter, Instant now) {
        if (retryAfter != null) {
            long jitterMs = Math.max(1, retryAfter.toMillis() / 10);
            return now.plus(retryAfter).plusMillis(random.nextLong(jitterMs + 1));
        }
        long base = INITIAL.toMillis() << Math.min(Math.max(tries - 1, 0), 20);
        long capped = Math.min(base, CAP.toMillis());
        return now.plusMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
