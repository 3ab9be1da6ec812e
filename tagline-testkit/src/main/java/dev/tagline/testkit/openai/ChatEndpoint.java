package dev.tagline.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1/chat/completions} of the fake server: validates the body as OpenAI does (model, messages with
 * known roles and text content, {@code response_format} type, and JSON mode's rule that the word "json" appear in
 * the messages) and answers with the scripted assistant text in the documented {@code chat.completion} shape.
 */
final class ChatEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatEndpoint() {
    }

    /** Parses and validates; IllegalArgumentException carries OpenAI's kind of message. */
    static FakeOpenAiServer.ChatCall parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("We could not parse the JSON body of your request.");
        }
        if (root == null || !root.path("model").isTextual() || root.path("model").asText().isBlank()) {
            throw new IllegalArgumentException("you must provide a model parameter");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("Invalid 'messages': empty array. Expected an array with minimum"
                    + " length 1.");
        }
        List<FakeOpenAiServer.ChatMessage> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!ROLES.contains(m.path("role").asText())) {
                throw new IllegalArgumentException("Invalid value: '" + m.path("role").asText() + "'. Supported"
                        + " values are: 'system', 'assistant', 'user', 'tool', and 'developer'. (messages[" + i
                        + "].role)");
            }
            if (!m.path("content").isTextual()) {
                throw new IllegalArgumentException("Invalid type for 'messages[" + i + "].content': expected a"
                        + " string.");
            }
            list.add(new FakeOpenAiServer.ChatMessage(m.path("role").asText(), m.path("content").asText()));
        }
        String format = root.path("response_format").path("type").asText("text");
        if (!Set.of("text", "json_object", "json_schema").contains(format)) {
            throw new IllegalArgumentException("Invalid value: '" + format + "'. (response_format.type)");
        }
        boolean json = format.equals("json_object");
        if (json && list.stream().noneMatch(m -> m.content().toLowerCase(Locale.ROOT).contains("json"))) {
            throw new IllegalArgumentException("'messages' must contain the word 'json' in some form, to use"
                    + " 'response_format' of type 'json_object'.");
        }
        return new FakeOpenAiServer.ChatCall(root.path("model").asText(), list, json,
                root.path("temperature").asDouble(1.0));
    }

    static String answer(FakeOpenAiServer.ChatCall call, Function<FakeOpenAiServer.ChatCall, String> script,
                         int id) {
        String content = script.apply(call);
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake" + id).put("object", "chat.completion")
                .put("created", 1_764_200_000L + id).put("model", call.model());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        int prompt = call.messages().stream().mapToInt(m -> m.content().length() / 4 + 1).sum();
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", content.length() / 4 + 1)
                .put("total_tokens", prompt + content.length() / 4 + 1);
        return root.toString();
    }
}
