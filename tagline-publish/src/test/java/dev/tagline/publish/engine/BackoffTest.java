package dev.tagline.publish.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void growsExponentiallyWithJitterUpToTheCap() {
        Backoff b = new Backoff(new Random(7));
        for (int tries = 1; tries <= 12; tries++) {
            long base = Math.min(30_000L << (tries - 1), 3_600_000L);
            long wait = Duration.between(NOW, b.next(tries, null, NOW)).toMillis();
            assertTrue(wait >= base / 2 && wait <= base, "try " + tries + ": " + wait + " in [" + base / 2 + ", " + base + "]");
        }
    }

    /** Dogfood round 8 K14: a 429 with Retry-After: 5 was tried again every ~7 s instead of backing off. */
    @Test
    void aShortRetryAfterWasTheWholeWait_nowTheBackoffStillGrows() {
        Backoff b = new Backoff(new Random(7));
        for (int tries = 1; tries <= 8; tries++) {
            long base = Math.min(30_000L << (tries - 1), 3_600_000L);
            long wait = Duration.between(NOW, b.next(tries, Duration.ofSeconds(5), NOW)).toMillis();
            assertTrue(wait >= base / 2 && wait <= base, "try " + tries + ": " + wait + " in [" + base / 2 + ", "
                    + base + "]");
        }
    }

    @Test
    void retryAfterIsAFloorAndJitterSpreadsTheHerd() {
        Backoff b = new Backoff(new Random(7));
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Instant at = b.next(1, Duration.ofSeconds(60), NOW);
            assertTrue(!at.isBefore(NOW.plusSeconds(60)) && !at.isAfter(NOW.plusSeconds(66)), at.toString());
            seen.add(at);
        }
        assertTrue(seen.size() > 40, "jittered: " + seen.size());
        assertEquals(NOW.plusSeconds(3600).isBefore(b.next(30, null, NOW).plusSeconds(1800)), true);
    }
}
