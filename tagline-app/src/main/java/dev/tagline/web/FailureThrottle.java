package dev.tagline.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits failures per client address: after {@code maxFailures} failures inside {@code window} the client must
 * wait until the oldest of them leaves the window. Only the latest {@code maxFailures} failures of a client are kept,
 * and clients whose failures all left the window are forgotten once many are tracked, so a scan from many addresses
 * cannot grow it without bound. Thread-safe.
 */
final class FailureThrottle {
    /** Logins: five failed passwords in ten minutes. */
    static final int LOGIN_FAILURES = 5;
    static final Duration LOGIN_WINDOW = Duration.ofMinutes(10);
    /** Public video links: twenty unknown links (wrong secret, unknown post) in a minute (docs/api.md). */
    static final int VIDEO_LINK_FAILURES = 20;
    static final Duration VIDEO_LINK_WINDOW = Duration.ofMinutes(1);
    private static final int PRUNE_ABOVE = 10_000;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    FailureThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    static FailureThrottle logins(Clock clock) {
        return new FailureThrottle(clock, LOGIN_FAILURES, LOGIN_WINDOW);
    }

    static FailureThrottle videoLinks(Clock clock) {
        return new FailureThrottle(clock, VIDEO_LINK_FAILURES, VIDEO_LINK_WINDOW);
    }

    /** Zero when {@code client} may try now, else how long to wait (whole seconds, at least one). */
    Duration waitFor(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant cutoff = clock.instant().minus(window);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
                recent.removeFirst();
            }
            return recent.size() < maxFailures ? Duration.ZERO
                    : Duration.ofSeconds(Duration.between(cutoff, recent.peekFirst()).toSeconds() + 1);
        }
    }

    void failed(String client) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.keySet().removeIf(c -> waitFor(c).isZero());
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    void succeeded(String client) {
        failures.remove(client);
    }
}
