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
import java.util.Objects;

/**
 * Client of {@code POST /v1/chat/completions}: sends the messages (text, or text with images as
 * {@code image_url} content parts holding data URLs, as vision models take them; optionally asking for a JSON
 * object, {@code response_format: {"type": "json_object"}}) and returns the first choice's content with the token
 * usage the server reports (a reasoning model's separate {@code reasoning_content}, when it wrote nothing else, as
 * a {@code <think>} block). Retries per {@link RetryPolicy}. Thread-safe: one client may serve many requests in
 * flight.
 */
public final class ChatClient {
    /**
     * One message: role {@code system}, {@code user} or {@code assistant}, its text, and images (data URLs such as
     * {@code data:image/jpeg;base64,…} or http(s) URLs) sent after the text; only user messages may carry images.
     */
    public record Message(String role, String content, List<String> imageUrls) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            imageUrls = List.copyOf(imageUrls);
            if (!imageUrls.isEmpty() && !role.equals("user")) {
                throw new IllegalArgumentException("only user messages may carry images, not " + role);
            }
        }

        public Message(String role, String content) {
            this(role, content, List.of());
        }

        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        /** A user message with the text first, then the images as {@code image_url} parts. */
        public static Message user(String content, List<String> imageUrls) {
            return new Message("user", content, imageUrls);
        }

        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    /**
     * Sampling fields beyond temperature, each sent only when it differs from "unset": {@code maxTokens} 0 (server
     * default), {@code topP} 1, {@code repetitionPenalty} 1 (a vLLM / llama.cpp server extension that OpenAI itself
     * refuses, so it is never sent at its neutral value).
     */
    public record Sampling(int maxTokens, double topP, double repetitionPenalty) {
        public static final Sampling DEFAULT = new Sampling(0, 1.0, 1.0);
    }

    /** What to ask; {@code jsonObject} requests JSON mode (servers without it ignore the field). */
    public record Request(String model, List<Message> messages, double temperature, boolean jsonObject,
                          Sampling sampling) {
        public Request {
            messages = List.copyOf(messages);
            Objects.requireNonNull(sampling, "sampling");
        }

        public Request(String model, List<Message> messages, double temperature, boolean jsonObject) {
            this(model, messages, temperature, jsonObject, Sampling.DEFAULT);
        }
    }

    /**
     * The answer's text, why generation stopped ({@code stop}, {@code length} …) and the tokens the server counted
     * ({@code usage.prompt_tokens}, {@code usage.completion_tokens}; 0 when it does not say).
     */
    public record Reply(String content, String finishReason, int promptTokens, int completionTokens) {
        /** A reasoning model's thinking first, as {@link #content} has it; group 1 names the tag. */
        private static final java.util.regex.Pattern THINKING = java.util.regex.Pattern.compile(
                "(?is)\\s*<(think|thinking|reasoning)>");

        public Reply(String content, String finishReason) {
            this(content, finishReason, 0, 0);
        }

        /**
         * The answer after the model's thinking: the content without a leading {@code <think>…</think>} block,
         * stripped; empty when the block was never closed (the model thought until it was cut off).
         */
        public String answer() {
            java.util.regex.Matcher open = THINKING.matcher(content);
            if (!open.lookingAt()) {
                return content;
            }
            java.util.regex.Matcher close = java.util.regex.Pattern.compile("(?i)</" + open.group(1) + "\\s*>")
                    .matcher(content);
            return close.find(open.end()) ? content.substring(close.end()).strip() : "";
        }

        /** True when the model wrote its thinking and no answer after it (see {@link #thinkingOnlyProblem}). */
        public boolean thinkingOnly() {
            return THINKING.matcher(content).lookingAt() && answer().isBlank();
        }

        /**
         * Why a {@link #thinkingOnly} reply has no answer, as the captioner says it: {@code the model used all 812
         * tokens reasoning and wrote no answer} (cut at the token limit), or {@code the model spent 812 tokens
         * reasoning and wrote no answer}. The caller adds the fix in its own option names.
         */
        public String thinkingOnlyProblem() {
            String tokens = (completionTokens > 0 ? completionTokens : "its") + " tokens";
            return ("length".equals(finishReason) ? "the model used all " : "the model spent ") + tokens
                    + " reasoning and wrote no answer";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiEndpoint endpoint;
    private final HttpCalls calls;
    private final Duration timeout;

    /** A client with the default retries, over {@link OpenAiEndpoint#newHttpClient} (HTTP/1.1 to plain http). */
    public ChatClient(OpenAiEndpoint endpoint, Duration timeout) {
        this(endpoint, timeout, ServerWaits.LOGGED);
    }

    /** As {@link #ChatClient(OpenAiEndpoint, Duration)}; {@code waits} hears of a server still loading its model. */
    public ChatClient(OpenAiEndpoint endpoint, Duration timeout, ServerWaits waits) {
        this(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT, timeout, d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC(), waits);
    }

    public ChatClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                      TranscriptionClient.Sleeper sleeper, Clock clock) {
        this(endpoint, http, retry, timeout, sleeper, clock, ServerWaits.LOGGED);
    }

    public ChatClient(OpenAiEndpoint endpoint, HttpClient http, RetryPolicy retry, Duration timeout,
                      TranscriptionClient.Sleeper sleeper, Clock clock, ServerWaits waits) {
        this.endpoint = endpoint;
        this.calls = new HttpCalls(endpoint, http, retry, sleeper, clock, waits);
        this.timeout = timeout;
    }

    public OpenAiEndpoint endpoint() {
        return endpoint;
    }

    public Reply complete(Request request) {
        return complete(request, "a chat request to " + request.model());
    }

    /** As {@link #complete(Request)}; {@code what} names the input in error messages ("cat.jpg"). */
    public Reply complete(Request request, String what) {
        URI uri = endpoint.resolve("chat/completions");
        String json = body(request).toString();
        String answer = calls.send(uri, what, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            endpoint.apiKey().ifPresent(k -> b.header("Authorization", "Bearer " + k));
            return b.build();
        });
        try {
            JsonNode root = JSON.readTree(answer);
            JsonNode choice = root.path("choices").path(0);
            String finish = choice.path("finish_reason").asText("");
            String content = content(choice.path("message"), finish);
            if (content == null) {
                throw new OpenAiException(uri + " answered without choices[0].message.content for " + what,
                        "Is --endpoint an OpenAI-compatible chat server?", 200, null);
            }
            JsonNode usage = root.path("usage");
            return new Reply(content, finish, usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0));
        } catch (IOException e) {
            throw new OpenAiException(uri + " answered something other than JSON: " + ErrorBody.shown(answer),
                    "Check --endpoint " + endpoint.baseUrl() + ": is this the server's /v1 base URL?", 200, e, true);
        }
    }

    /**
     * The message's text; null when it has none. A server that parses a thinking model's reasoning apart (vLLM's
     * {@code --reasoning-parser}, LM Studio, llama.cpp's {@code --reasoning-format}) sends it as
     * {@code reasoning_content} (or {@code reasoning}) and {@code content} null or empty when the thinking used up
     * {@code max_tokens}: that reasoning is returned in a {@code <think>} block, unclosed when cut at the limit, as a
     * server without the parser would have sent it, so that callers that drop reasoning see no answer and can say
     * why.
     */
    private static String content(JsonNode message, String finish) {
        JsonNode content = message.path("content");
        String reasoning = message.path("reasoning_content").isTextual() ? message.path("reasoning_content").asText()
                : message.path("reasoning").asText("");
        if ((!content.isTextual() || content.asText().isBlank()) && !reasoning.isBlank()) {
            return "<think>" + reasoning + (finish.equals("length") ? "" : "</think>");
        }
        return content.isTextual() ? content.asText() : null;
    }

    static ObjectNode body(Request request) {
        ObjectNode body = JSON.createObjectNode().put("model", request.model())
                .put("temperature", request.temperature());
        Sampling s = request.sampling();
        if (s.maxTokens() > 0) {
            body.put("max_tokens", s.maxTokens());
        }
        if (s.topP() != 1.0) {
            body.put("top_p", s.topP());
        }
        if (s.repetitionPenalty() != 1.0) {
            body.put("repetition_penalty", s.repetitionPenalty());
        }
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            ObjectNode node = messages.addObject().put("role", m.role());
            if (m.imageUrls().isEmpty()) {
                node.put("content", m.content());
                continue;
            }
            ArrayNode parts = node.putArray("content");
            parts.addObject().put("type", "text").put("text", m.content());
            for (String url : m.imageUrls()) {
                parts.addObject().put("type", "image_url").putObject("image_url").put("url", url);
            }
        }
        if (request.jsonObject()) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }
}
