package dev.tagline.inference.openai;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one OpenAI-compatible request with the {@link RetryPolicy}, and turns what cannot be retried into an
 * {@link OpenAiException} that names the server, the input and the fix. Shared by the transcription and chat
 * clients. Thread-safe. Over 200 lines because it is the one place where each way a server fails (no answer, the
 * wrong kind of server, one still loading its model, a refusal) becomes the user's message and hint; the text of an
 * error body is {@link ErrorBody}'s.
 */
final class HttpCalls {
    /** Builds the request afresh for each try (a file body is re-read). */
    @FunctionalInterface
    interface RequestFactory {
        HttpRequest build() throws FileNotFoundException;
    }

    /**
     * How long a server that answers 503 "Loading model" (llama.cpp) or "server busy" (Ollama) is waited for, in
     * steps of at most {@link #NOT_READY_STEP}, at most {@link #NOT_READY_TRIES} tries: a big model takes a minute
     * or two to load, and the run's first images should not fail meanwhile.
     */
    static final Duration NOT_READY_WAIT = Duration.ofMinutes(2);
    static final Duration NOT_READY_STEP = Duration.ofSeconds(10);
    static final int NOT_READY_TRIES = 40;
    /** When the last "waiting for" line was told, so that requests in flight together tell one. */
    private final java.util.concurrent.atomic.AtomicLong lastNotice = new java.util.concurrent.atomic.AtomicLong(
            Long.MIN_VALUE);
    private final OpenAiEndpoint endpoint;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final TranscriptionClient.Sleeper sleeper;
    private final Clock clock;
    private final ServerWaits waits;

    HttpCalls(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, TranscriptionClient.Sleeper sleeper,
              Clock clock, ServerWaits waits) {
        this.endpoint = endpoint;
        this.http = http;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.waits = java.util.Objects.requireNonNull(waits, "waits");
    }

    /** One call's count of tries and of the time spent waiting for a server that is not ready. */
    private static final class Tries {
        int attempt;
        int notReady;
        Duration waited = Duration.ZERO;
    }

    /** The body of the first 2xx answer; {@code what} names the input in messages ("chunk-001.wav"). */
    String send(URI uri, String what, RequestFactory request) {
        Tries tries = new Tries();
        while (true) {
            tries.attempt++;
            HttpResponse<String> response = exchange(uri, what, request, tries.attempt);
            if (response == null) {
                continue; // no answer, and a retry is left: waited already
            }
            refuseAtOnce(uri, what, response);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            if (ErrorBody.notReady(status, response.body()) && waitedForStart(uri, response, tries)) {
                tries.attempt--; // a server that is starting has not failed this try
                continue;
            }
            if (!RetryPolicy.retryable(status) || tries.attempt >= retry.maxAttempts()
                    || ErrorBody.noQuota(status, response.body())) {
                throw failure(uri, what, status, response.body(), tries.attempt);
            }
            pause(retry.wait(tries.attempt, response.headers(), clock));
        }
    }

    /**
     * Try {@code attempt}'s answer; null when none came (a timeout, no connection) and a try is left, after the
     * retry's wait. Throws once no try is left, or when the body cannot be read or the call was interrupted.
     */
    private HttpResponse<String> exchange(URI uri, String what, RequestFactory request, int attempt) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (FileNotFoundException e) {
            throw new OpenAiException("Cannot read " + what + " to send it", "", 0, e);
        } catch (HttpTimeoutException e) {
            if (attempt >= retry.maxAttempts()) {
                throw timedOut(uri, what, e, attempt);
            }
        } catch (IOException e) {
            if (attempt >= retry.maxAttempts()) {
                throw new OpenAiException("Cannot reach the server at " + uri + " (" + e + ")",
                        "Check that the server runs and --endpoint is right.", 0, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException("Sending " + what + " was interrupted", "", 0, e);
        }
        pause(retry.wait(attempt, HttpHeaders.of(Map.of(), (a, b) -> true), clock));
        return null;
    }

    /**
     * Throws for an answer that every request would get alike: not an OpenAI-compatible API at all, or an error
     * {@link ErrorBody#serverWide} knows (no vision projector, no model loaded).
     */
    private void refuseAtOnce(URI uri, String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (wrongEndpoint(status, response)) {
            throw new OpenAiException(uri + " answered HTTP " + status + (html(response) ? " with a web page" : "")
                    + ", not as an OpenAI-compatible API does" + excerpt(response.body()), "Check --endpoint "
                    + endpoint.baseUrl() + ": is this the server's /v1 base URL?", status, null, true);
        }
        java.util.Optional<String> serverWide = ErrorBody.serverWide(status, response.body());
        if (serverWide.isPresent()) {
            throw new OpenAiException("Server " + uri + " answered HTTP " + status + " for " + what + ": "
                    + ErrorBody.shown(response.body()), serverWide.get(), status, null, true);
        }
    }

    /**
     * For a server that is starting or busy: true after waiting for it, within {@link #NOT_READY_WAIT} and
     * {@link #NOT_READY_TRIES}, the last step cut to the time left so that a server still loading is waited for the
     * whole time the "waiting for" line announces (it ended at 115 s of the 120: dogfood round 7, J13); past them, throws for one still loading its model, and false for a busy one (it is
     * then retried as any 503).
     */
    private boolean waitedForStart(URI uri, HttpResponse<String> response, Tries tries) {
        Duration wait = retry.wait(++tries.notReady, response.headers(), clock);
        wait = wait.compareTo(NOT_READY_STEP) > 0 ? NOT_READY_STEP : wait;
        Duration left = NOT_READY_WAIT.minus(tries.waited);
        wait = wait.compareTo(left) > 0 ? left : wait; // the last step fills the time announced, no less
        if (!left.isNegative() && !left.isZero() && tries.notReady < NOT_READY_TRIES) {
            notice(response.body(), left);
            pause(wait);
            tries.waited = tries.waited.plus(wait);
            return true;
        }
        if (ErrorBody.loading(response.statusCode(), response.body())) {
            throw new OpenAiException("Server " + uri + " was still loading its model after "
                    + seconds(tries.waited) + " s of waiting (HTTP 503: " + ErrorBody.shown(response.body()) + ")",
                    "Wait until its log says the model is loaded, then run again.", response.statusCode(), null,
                    true);
        }
        return false;
    }

    /**
     * True for an answer no OpenAI-compatible API gives: 405 or 501 to a POST (a plain file server such as
     * {@code python -m http.server}, a web app) or an HTML page with any status but the gateway ones (502, 503, 504:
     * a proxy in front of a model server that is starting answers with a page, and that passes). Retrying cannot
     * help and every image would fail the same way, so the run stops at once.
     */
    private static boolean wrongEndpoint(int status, HttpResponse<String> response) {
        return status == 405 || status == 501 || html(response) && status != 502 && status != 503 && status != 504;
    }

    private static boolean html(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        String start = response.body().stripLeading();
        start = start.substring(0, Math.min(start.length(), 15)).toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String excerpt(String body) {
        String detail = ErrorBody.shown(body);
        return detail.isEmpty() ? "" : ": " + detail;
    }

    /**
     * Tells the {@link ServerWaits}, at most once in 20 s, that the server is starting or busy: {@code waiting for
     * http://127.0.0.1:8080/v1: Loading model (up to 120 s)} when the request starts waiting, then the time it has
     * {@code left} ({@code (95 s left)}), so that repeats do not read as if nothing moved.
     */
    private void notice(String body, Duration left) {
        long now = clock.millis();
        long last = lastNotice.get();
        if ((last == Long.MIN_VALUE || now - last >= 20_000) && lastNotice.compareAndSet(last, now)) {
            String time = left.equals(NOT_READY_WAIT) ? "up to " + NOT_READY_WAIT.toSeconds() + " s"
                    : seconds(left) + " s left";
            waits.waiting("waiting for " + endpoint.baseUrl() + ": " + ErrorBody.shown(body) + " (" + time + ")");
        }
    }

    private static long seconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0);
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException("Interrupted while waiting to retry", "", 0, e);
        }
    }

    private static OpenAiException timedOut(URI uri, String what, HttpTimeoutException e, int attempts) {
        if (e instanceof HttpConnectTimeoutException) {
            return new OpenAiException("Cannot reach the server at " + uri + ": connecting timed out " + attempts
                    + " times", "Check that the server runs and --endpoint is right.", 0, e);
        }
        return new OpenAiException("Server " + uri + " did not answer " + what + " in time (" + attempts
                + " tries)", "A big model on a busy server can be slow: raise --timeout, or lower --concurrency.", 0,
                e);
    }

    private OpenAiException failure(URI uri, String what, int status, String body, int attempts) {
        String detail = ErrorBody.shown(body);
        if (ErrorBody.noQuota(status, body)) {
            // no wait helps: every request of the run would get it
            return new OpenAiException("Server " + uri + " refused " + what + ": the account has no quota left ("
                    + detail + ")", "Add credit or raise the quota with the provider, or use another key or --endpoint.",
                    status, null, true);
        }
        if (ErrorBody.modelNotFound(status, body)) {
            return new OpenAiException("Server " + uri + " has no such model: " + detail, "Check the model name"
                    + " (GET " + endpoint.resolve("models") + " lists them; for Ollama run 'ollama pull MODEL').", status,
                    null);
        }
        String tries = attempts > 1 ? " after " + attempts + " tries" : "";
        String hint = switch (status) {
            case 401, 403 -> "Check the API key (OPENAI_API_KEY).";
            case 404 -> "Check --endpoint: it should be the server's base URL ending in /v1.";
            case 413 -> "The request is too large for this server; send less at once.";
            case 429 -> "The server is rate-limiting; try again later or lower the request rate.";
            default -> status >= 500 ? "The server failed; check its log, or try again later." : "";
        };
        return new OpenAiException("Server " + uri + " answered HTTP " + status + tries + " for " + what
                + (detail.isEmpty() ? "" : ": " + detail), hint, status, null);
    }
}
