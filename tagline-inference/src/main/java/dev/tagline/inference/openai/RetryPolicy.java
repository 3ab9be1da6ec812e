package dev.tagline.inference.openai;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to retry an OpenAI-compatible call: on 408, 409, 429 and 5xx answers and on connection failures, at most
 * {@code maxAttempts} tries in all. The wait honours the server's {@code retry-after-ms} or {@code Retry-After}
 * (seconds or an HTTP date, RFC 9110 §10.2.3), as the official OpenAI clients do, capped at {@code maxWait};
 * otherwise it doubles from {@code firstWait}.
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, Duration maxWait) {
    /** Four tries, 1 s then 2 s then 4 s, a server may ask for up to 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** The wait before try {@code attempt + 1} after try {@code attempt} (1-based) got {@code headers}. */
    Duration wait(int attempt, HttpHeaders headers, Clock clock) {
        Optional<Duration> asked = retryAfter(headers, clock);
        Duration backoff = firstWait.multipliedBy(1L << Math.min(20, attempt - 1));
        Duration wait = asked.orElse(backoff);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait.isNegative() ? Duration.ZERO : wait;
    }

    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(ms.get().strip()))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.get()) * 1000)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), at.toInstant()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
