package dev.tagline.publish.platform;

import dev.tagline.core.HttpVersions;
import dev.tagline.publish.store.AttemptLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The HTTP client adapters call platforms through. Every call lands in the attempt log (method, URL without the query
 * string, status, outcome, a short reason; never headers or tokens). {@link #send} also classifies failures into
 * {@link PlatformException}s: 429 with {@code Retry-After}, 401, 5xx and network errors (ambiguous), other 4xx.
 */
public final class PlatformHttp {
    private final HttpClient client;
    private final AttemptLog log;
    private final Clock clock;
    private final long postId;
    private final String worker;

    public PlatformHttp(HttpClient client, AttemptLog log, Clock clock, long postId, String worker) {
        this.client = client;
        this.log = log;
        this.clock = clock;
        this.postId = postId;
        this.worker = worker;
    }

    /** Sends and returns any answer with a status below 400; throws a classified exception otherwise. */
    public HttpResponse<String> send(String step, HttpRequest request) {
        return check(request, sendRaw(step, request));
    }

    /** Returns {@code response} when its status is below 400, else throws it classified. */
    public HttpResponse<String> check(HttpRequest request, HttpResponse<String> response) {
        int s = response.statusCode();
        if (s < 400) {
            return response;
        }
        String body = snippet(response.body());
        String reason = "HTTP " + s + " from " + where(request) + (body.isEmpty() ? "" : ": " + body);
        if (s == 429) {
            throw PlatformException.rateLimited(s, reason, retryAfter(response, clock).orElse(null));
        }
        if (s == 401) {
            throw PlatformException.auth(s, reason);
        }
        if (s >= 500) {
            throw PlatformException.ambiguous(s, reason, null);
        }
        throw PlatformException.permanent(s, reason);
    }

    /**
     * Sends and returns whatever status came back; only a network failure throws (ambiguous). A request without a
     * version of its own goes in the one {@link HttpVersions} gives its URL (HTTP/1.1 to a plain-http webhook
     * receiver).
     */
    public HttpResponse<String> sendRaw(String step, HttpRequest original) {
        return sendRaw(step, original, where(original));
    }

    /**
     * As {@link #sendRaw(String, HttpRequest)}, with the URL shown as {@code shownAs} in the attempt log and in the
     * failure text (a capability link's secret left out).
     */
    public HttpResponse<String> sendRaw(String step, HttpRequest original, String shownAs) {
        HttpRequest request = original.version().isPresent() ? original
                : HttpRequest.newBuilder(original, (name, value) -> true).version(HttpVersions.forUri(original.uri()))
                        .build();
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        String shown = request.method() + " " + shownAs;
        // the create call is in the audit before it is made: a worker killed during it leaves that line behind
        Long begun = step.equals(CREATE) ? log.begin(new AttemptLog.Attempt(postId, start, worker, step, shown, null,
                "in-flight", "sent; no answer recorded (the worker stopped before it came)", Duration.ZERO)) : null;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            record(begun, step, shown, response.statusCode(), response.statusCode() < 400 ? "ok" : "error",
                    response.statusCode() < 400 ? null : snippet(response.body()), start, t0);
            return response;
        } catch (IOException e) {
            record(begun, step, shown, null, "no-answer", noAnswer(e), start, t0);
            String reason = "No answer from " + shownAs + ": " + noAnswer(e);
            throw dev.tagline.core.NoConnection.of(e) ? PlatformException.notSent(reason, e) : PlatformException.ambiguous(null, reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(begun, step, shown, null, "interrupted", null, start, t0);
            throw PlatformException.ambiguous(null, "Interrupted while calling " + shownAs, e);
        }
    }

    /** The step name of the one non-idempotent call, as adapters pass it. */
    static final String CREATE = "create";

    private void record(Long begun, String step, String shown, Integer status, String outcome, String detail,
                        Instant start, long t0) {
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (begun != null) {
            log.finish(begun, status, outcome, detail, took);
        } else {
            log.record(new AttemptLog.Attempt(postId, start, worker, step, shown, status, outcome, detail, took));
        }
    }

    /** The URL without query or fragment (queries may carry tokens). */
    /**
     * Why a call got no answer, in words: Java's HTTP client throws a {@code ConnectException} without a message for
     * a refused connection and for a host name that does not resolve (its cause says which).
     */
    public static String noAnswer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "the host name does not resolve (offline, or no DNS)";
            }
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "the connection timed out (offline, or a firewall)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the answer timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused (offline, or nothing listens there)";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    static String where(HttpRequest request) {
        URI u = request.uri();
        return u.getScheme() + "://" + u.getAuthority() + (u.getPath() == null ? "" : u.getPath());
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** {@code Retry-After} as seconds or an HTTP date, else X's {@code x-rate-limit-reset} (epoch seconds). */
    public static java.util.Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
        java.util.Optional<String> reset = response.headers().firstValue("x-rate-limit-reset");
        if (response.headers().firstValue("Retry-After").isEmpty() && reset.isPresent()
                && reset.get().strip().matches("\\d+")) {
            Duration d = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
            return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(clock.instant(), at.toInstant());
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException bad) {
                    return java.util.Optional.empty();
                }
            }
        });
    }
}
