package dev.tagline.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits login attempts per client address: after {@link #MAX_FAILURES} failures inside {@link #WINDOW} further
 * attempts are refused until the oldest failure leaves the window. Thread-safe.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Zero when {@code client} may try now, else how long to wait. */
    Duration waitFor(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant cutoff = clock.instant().minus(WINDOW);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
                recent.removeFirst();
            }
            return recent.size() < MAX_FAILURES ? Duration.ZERO
                    : Duration.between(cutoff, recent.peekFirst()).plusSeconds(1);
        }
    }

    void failed(String client) {
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String client) {
        failures.remove(client);
    }
}
