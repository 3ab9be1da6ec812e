package dev.tagline.inference.openai;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

    private final OpenAiEndpoint endpoint;
    private final HttpCalls calls;
    private final Duration timeout;

    /** A client with the default retries, over {@link OpenAiEndpoint#newHttpClient} (HTTP/1.1 to plain http). */
    public TranscriptionClient(OpenAiEndpoint endpoint, Duration timeout) {
        this(endpoint, timeout, ServerWaits.LOGGED);
    }

    /** As {@link #TranscriptionClient(OpenAiEndpoint, Duration)}; {@code waits} hears of a server not ready yet. */
    public TranscriptionClient(OpenAiEndpoint endpoint, Duration timeout, ServerWaits waits) {
        this(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT, timeout, d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC(), waits);
    }

    public TranscriptionClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                               Sleeper sleeper, Clock clock) {
        this(endpoint, http, retry, timeout, sleeper, clock, ServerWaits.LOGGED);
    }

    public TranscriptionClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                               Sleeper sleeper, Clock clock, ServerWaits waits) {
        this.endpoint = endpoint;
        this.calls = new HttpCalls(endpoint, http, retry, sleeper, clock, waits);
        this.timeout = timeout;
    }

    /** Transcribes {@code request.audio()}; throws {@link OpenAiException} naming the file and server on failure. */
    public Transcription transcribe(Request request) {
        URI uri = endpoint.resolve("audio/transcriptions");
        String name = request.audio().getFileName().toString();
        String body = calls.send(uri, name, () -> build(uri, request));
        return VerboseJson.parse(body, "the answer of " + uri + " for " + name);
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

    private static String contentType(Path audio) {
        String n = audio.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".wav") ? "audio/wav" : n.endsWith(".mp3") ? "audio/mpeg" : n.endsWith(".flac")
                ? "audio/flac" : n.endsWith(".m4a") ? "audio/mp4" : "application/octet-stream";
    }
}
