package dev.tagline.publish.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try again: exponential backoff from 30 s doubling to a 1 h cap with "equal jitter" (half fixed, half
 * random), and never earlier than the platform's {@code Retry-After} when it gave one (plus up to 10 % jitter so
 * that many posts do not return at the same second). A short {@code Retry-After} does not shorten the backoff
 * (dogfood round 8 K14: {@code Retry-After: 5} had a receiver hammered every 7 s).
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
        long base = INITIAL.toMillis() << Math.min(Math.max(tries - 1, 0), 20);
        long capped = Math.min(base, CAP.toMillis());
        Instant backoff = now.plusMillis(capped / 2 + random.nextLong(capped / 2 + 1));
        if (retryAfter == null) {
            return backoff;
        }
        long jitterMs = Math.max(1, retryAfter.toMillis() / 10);
        Instant floor = now.plus(retryAfter).plusMillis(random.nextLong(jitterMs + 1));
        return floor.isAfter(backoff) ? floor : backoff;
    }
}
