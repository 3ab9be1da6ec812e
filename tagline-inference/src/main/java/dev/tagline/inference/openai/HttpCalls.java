package dev.tagline.inference.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one OpenAI-compatible request with the {@link RetryPolicy}, and turns what cannot be retried into an
 * {@link OpenAiException} that names the server, the input and the fix. Shared by the transcription and chat
 * clients. Thread-safe.
 */
final class HttpCalls {
    /** Builds the request afresh for each try (a file body is re-read). */
    @FunctionalInterface
    interface RequestFactory {
        HttpRequest build() throws FileNotFoundException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final RetryPolicy retry;
    private final TranscriptionClient.Sleeper sleeper;
    private final Clock clock;

    HttpCalls(HttpClient http, RetryPolicy retry, TranscriptionClient.Sleeper sleeper, Clock clock) {
        this.http = http;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The body of the first 2xx answer; {@code what} names the input in messages ("chunk-001.wav"). */
    String send(URI uri, String what, RequestFactory request) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (FileNotFoundException e) {
                throw new OpenAiException("Cannot read " + what + " to send it", "", 0, e);
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new OpenAiException("Cannot reach the server at " + uri + " (" + e + ")",
                            "Check that the server runs and --endpoint is right.", 0, e);
                }
                pause(retry.wait(attempt, HttpHeaders.of(Map.of(), (a, b) -> true), clock));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenAiException("Sending " + what + " was interrupted", "", 0, e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            if (!RetryPolicy.retryable(status) || attempt >= retry.maxAttempts()) {
                throw failure(uri, what, status, response.body(), attempt);
            }
            pause(retry.wait(attempt, response.headers(), clock));
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException("Interrupted while waiting to retry", "", 0, e);
        }
    }

    private static OpenAiException failure(URI uri, String what, int status, String body, int attempts) {
        String detail = errorMessage(body);
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

    /** The {@code error.message} of an OpenAI error body, else the body's first line (short). */
    static String errorMessage(String body) {
        try {
            String message = JSON.readTree(body).path("error").path("message").asText("");
            if (!message.isEmpty()) {
                return message;
            }
        } catch (IOException e) {
            // not JSON: use the text itself
        }
        String first = body.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
