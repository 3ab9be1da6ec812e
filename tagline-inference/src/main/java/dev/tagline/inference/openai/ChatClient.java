package dev.tagline.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Client of {@code POST /v1/chat/completions} for text-only prompts: sends the messages (optionally asking for a
 * JSON object, {@code response_format: {"type": "json_object"}}) and returns the first choice's content. Retries
 * per {@link RetryPolicy}. Thread-safe.
 */
public final class ChatClient {
    /** One message: role {@code system}, {@code user} or {@code assistant}. */
    public record Message(String role, String content) {
        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    /** What to ask; {@code jsonObject} requests JSON mode (servers without it ignore the field). */
    public record Request(String model, List<Message> messages, double temperature, boolean jsonObject) {
        public Request {
            messages = List.copyOf(messages);
        }
    }

    /** The answer's text and why generation stopped ({@code stop}, {@code length} …). */
    public record Reply(String content, String finishReason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiEndpoint endpoint;
    private final HttpCalls calls;
    private final Duration timeout;

    public ChatClient(OpenAiEndpoint endpoint, Duration timeout) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), RetryPolicy.DEFAULT,
                timeout, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    public ChatClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                      TranscriptionClient.Sleeper sleeper, Clock clock) {
        this.endpoint = endpoint;
        this.calls = new HttpCalls(http, retry, sleeper, clock);
        this.timeout = timeout;
    }

    public Reply complete(Request request) {
        URI uri = endpoint.resolve("chat/completions");
        ObjectNode body = JSON.createObjectNode().put("model", request.model())
                .put("temperature", request.temperature());
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        if (request.jsonObject()) {
            body.putObject("response_format").put("type", "json_object");
        }
        String json = body.toString();
        String answer = calls.send(uri, "a chat request to " + request.model(), () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            endpoint.apiKey().ifPresent(k -> b.header("Authorization", "Bearer " + k));
            return b.build();
        });
        try {
            JsonNode choice = JSON.readTree(answer).path("choices").path(0);
            JsonNode content = choice.path("message").path("content");
            if (!content.isTextual()) {
                throw new OpenAiException(uri + " answered without choices[0].message.content",
                        "Is --endpoint an OpenAI-compatible chat server?", 200, null);
            }
            return new Reply(content.asText(), choice.path("finish_reason").asText(""));
        } catch (IOException e) {
            throw new OpenAiException(uri + " answered something other than JSON: " + HttpCalls.errorMessage(answer),
                    "Is --endpoint an OpenAI-compatible chat server?", 200, e);
        }
    }
}
