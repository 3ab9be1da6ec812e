package dev.tagline.inference.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Client of {@code POST /v1/audio/transcriptions}: uploads an audio file as multipart form data with
 * {@code response_format=verbose_json} and {@code timestamp_granularities[]=word} (and {@code segment}), and reads
 * the answer into a {@link Transcription}. Retries per {@link RetryPolicy}. Thread-safe.
 */
public final class TranscriptionClient {
    /** How a retry waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** What to transcribe. {@code language} is an ISO-639-1 hint, {@code prompt} earlier text for context. */
    public record Request(Path audio, String model, Optional<String> language, Optional<String> prompt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiEndpoint endpoint;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final Clock clock;

    public TranscriptionClient(OpenAiEndpoint endpoint, Duration timeout) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), RetryPolicy.DEFAULT,
                timeout, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    public TranscriptionClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                               Sleeper sleeper, Clock clock) {
        this.endpoint = endpoint;
        this.http = http;
        this.retry = retry;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Transcribes {@code request.audio()}; throws {@link OpenAiException} naming the file and server on failure. */
    public Transcription transcribe(Request request) {
        URI uri = endpoint.resolve("audio/transcriptions");
        String name = request.audio().getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(build(uri, request), HttpResponse.BodyHandlers.ofString());
            } catch (FileNotFoundException e) {
                throw new OpenAiException("Cannot read " + request.audio() + " to transcribe it", "", 0, e);
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new OpenAiException("Cannot reach the transcription server at " + uri + " (" + e + ")",
                            "Check that the server runs and --endpoint is right.", 0, e);
                }
                pause(retry.wait(attempt, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true), clock));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenAiException("Transcribing " + name + " was interrupted", "", 0, e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return VerboseJson.parse(response.body(), "the answer of " + uri + " for " + name);
            }
            if (!RetryPolicy.retryable(status) || attempt >= retry.maxAttempts()) {
                throw failure(uri, name, status, response.body(), attempt);
            }
            pause(retry.wait(attempt, response.headers(), clock));
        }
    }

    private HttpRequest build(URI uri, Request request) throws FileNotFoundException {
        Multipart form = new Multipart()
                .file("file", request.audio(), contentType(request.audio()))
                .field("model", request.model())
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word")
                .field("timestamp_granularities[]", "segment")
                .field("temperature", "0");
        request.language().ifPresent(l -> form.field("language", l));
        request.prompt().ifPresent(p -> form.field("prompt", p));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", form.contentType()).header("Accept", "application/json")
                .POST(form.body());
        endpoint.apiKey().ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        return builder.build();
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException("Interrupted while waiting to retry a transcription", "", 0, e);
        }
    }

    private static OpenAiException failure(URI uri, String name, int status, String body, int attempts) {
        String detail = errorMessage(body);
        String tries = attempts > 1 ? " after " + attempts + " tries" : "";
        String hint = switch (status) {
            case 401, 403 -> "Check the API key (OPENAI_API_KEY or the key setting).";
            case 404 -> "Check --endpoint: it should be the server's base URL ending in /v1.";
            case 413 -> "The audio chunk is too large for this server; use shorter chunks.";
            case 429 -> "The server is rate-limiting; try again later or lower the request rate.";
            default -> status >= 500 ? "The server failed; check its log, or try again later." : "";
        };
        return new OpenAiException("Transcription server " + uri + " answered HTTP " + status + tries + " for "
                + name + (detail.isEmpty() ? "" : ": " + detail), hint, status, null);
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

    private static String contentType(Path audio) {
        String n = audio.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".wav") ? "audio/wav" : n.endsWith(".mp3") ? "audio/mpeg" : n.endsWith(".flac")
                ? "audio/flac" : n.endsWith(".m4a") ? "audio/mp4" : "application/octet-stream";
    }
}
