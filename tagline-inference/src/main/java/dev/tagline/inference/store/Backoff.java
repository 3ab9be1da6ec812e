package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying a Hub download again, as huggingface_hub's {@code utils/_http.py http_backoff} does:
 * {@code max_retries=5}, {@code base_wait_time=1} s doubling up to {@code max_wait_time=8} s, retrying on 408, 429,
 * 500, 502, 503 and 504. Unlike it, each wait is jittered (50–100 % of the step) so that many clients do not return
 * at once, and a server's {@code Retry-After} (seconds or an HTTP date, RFC 9110 §10.2.3) is waited out when it asks
 * for at most {@link #MAX_WAIT}; a longer one ends the download at once.
 */
final class Backoff {
    /** huggingface_hub {@code http_backoff}: {@code max_retries=5}. */
    static final int MAX_TRIES = 5;
    /** huggingface_hub {@code http_backoff}: {@code base_wait_time=1}. */
    static final Duration BASE_WAIT = Duration.ofSeconds(1);
    /** huggingface_hub {@code http_backoff}: {@code max_wait_time=8}. */
    static final Duration MAX_STEP = Duration.ofSeconds(8);
    /** The longest {@code Retry-After} waited out; a server that asks for more is not worth blocking a pull. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** Waits; tests pass one that records instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    Backoff(Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    /** Real sleeps, random jitter, the system clock. */
    static Backoff standard() {
        return new Backoff(d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble(),
                Clock.systemUTC());
    }

    /** The HTTP statuses worth another try (huggingface_hub {@code http_backoff} {@code retry_on_status_codes}). */
    static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The wait after the {@code failures}-th failed try (1-based): {@code Retry-After} when given, else the step. */
    Duration delay(int failures, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long stepMillis = Math.min(MAX_STEP.toMillis(), BASE_WAIT.toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis(Math.round(stepMillis * (0.5 + 0.5 * random.getAsDouble())));
    }

    /** Sleeps {@code duration}; an interrupt ends the download (the partial file stays for the next pull). */
    void pause(Duration duration, Object what) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Download of " + what + " was interrupted", "Pull again to resume.", e);
        }
    }

    /** {@code Retry-After} as a wait from now: delta-seconds or an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.length() > 12 ? "999999999999" : value)));
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            org.slf4j.LoggerFactory.getLogger(Backoff.class)
                    .debug("Retry-After '{}' is neither seconds nor an HTTP date; using the backoff instead", value, e);
            return Optional.empty();
        }
    }
}
