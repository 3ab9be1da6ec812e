package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:30Z");

    private static Backoff backoff(double random) {
        return new Backoff(d -> { }, () -> random, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void stepsDoubleFromOneSecondUpToEightWithJitterBetweenHalfAndAll() {
        Backoff low = backoff(0.0);
        Backoff high = backoff(1.0);
        long[] full = {1000, 2000, 4000, 8000, 8000, 8000};
        for (int failures = 1; failures <= full.length; failures++) {
            assertEquals(full[failures - 1] / 2, low.delay(failures, Optional.empty()).toMillis());
            assertEquals(full[failures - 1], high.delay(failures, Optional.empty()).toMillis());
        }
    }

    @Test
    void retryAfterReplacesTheStep() {
        assertEquals(Duration.ofSeconds(30), backoff(0.3).delay(1, Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Backoff backoff = backoff(0.5);
        assertEquals(Optional.of(Duration.ofSeconds(120)), backoff.retryAfter(Optional.of(" 120 ")));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                backoff.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")));
        assertEquals(Optional.of(Duration.ZERO), backoff.retryAfter(Optional.of("Wed, 21 Oct 2015 07:00:00 GMT")),
                "a date in the past means now");
        assertEquals(Optional.empty(), backoff.retryAfter(Optional.of("soon")));
        assertEquals(Optional.empty(), backoff.retryAfter(Optional.empty()));
    }

    @Test
    void onlyRateLimitsTimeoutsAndServerErrorsAreRetried() {
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(Backoff.retryable(status), Integer.toString(status));
        }
        for (int status : new int[] {400, 401, 403, 404, 416, 501}) {
            assertFalse(Backoff.retryable(status), Integer.toString(status));
        }
    }
}
