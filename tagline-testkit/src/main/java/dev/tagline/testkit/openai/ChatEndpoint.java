package dev.tagline.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1/chat/completions} of the fake server: validates the body as OpenAI does (model, messages with
 * known roles; content as a string or as {@code text} / {@code image_url} parts, images only in user messages, data
 * URLs that decode to PNG, JPEG, GIF or WebP; {@code max_tokens}, {@code temperature} and {@code top_p} ranges;
 * {@code response_format} type, and JSON mode's rule that the word "json" appear in the messages) and answers with
 * the scripted assistant text in the documented {@code chat.completion} shape, with usage, cut at {@code max_tokens}
 * with {@code finish_reason: length}.
 */
final class ChatEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    /** The fake's tokenizer: one token per four characters, as OpenAI's rule of thumb. */
    static final int CHARS_PER_TOKEN = 4;

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
            list.add(message(messages.get(i), i));
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
        int maxTokens = root.path("max_tokens").asInt(0);
        if (root.has("max_tokens") && (!root.path("max_tokens").canConvertToInt() || maxTokens < 1)) {
            throw new IllegalArgumentException("Invalid 'max_tokens': integer below minimum value. Expected a value"
                    + " >= 1, but got " + root.path("max_tokens") + " instead.");
        }
        double temperature = root.path("temperature").asDouble(1.0);
        range(temperature, 0, 2, "temperature");
        double topP = root.path("top_p").asDouble(1.0);
        range(topP, 0, 1, "top_p");
        return new FakeOpenAiServer.ChatCall(root.path("model").asText(), list, json, temperature, maxTokens, topP,
                root.path("repetition_penalty").asDouble(1.0));
    }

    private static void range(double value, double min, double max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Invalid '" + name + "': decimal " + (value < min ? "below minimum"
                    : "above maximum") + " value. Expected a value " + (value < min ? ">= " + min : "<= " + max)
                    + ", but got " + value + " instead.");
        }
    }

    private static FakeOpenAiServer.ChatMessage message(JsonNode m, int i) {
        String role = m.path("role").asText();
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Invalid value: '" + role + "'. Supported values are: 'system',"
                    + " 'assistant', 'user', 'tool', and 'developer'. (messages[" + i + "].role)");
        }
        JsonNode content = m.path("content");
        if (content.isTextual()) {
            return new FakeOpenAiServer.ChatMessage(role, content.asText());
        }
        if (!content.isArray()) {
            throw new IllegalArgumentException("Invalid type for 'messages[" + i + "].content': expected one of a"
                    + " string or array of objects.");
        }
        StringBuilder text = new StringBuilder();
        List<byte[]> images = new ArrayList<>();
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            String where = "messages[" + i + "].content[" + p + "]";
            switch (part.path("type").asText()) {
                case "text" -> {
                    if (!part.path("text").isTextual()) {
                        throw new IllegalArgumentException("Missing required parameter: '" + where + ".text'.");
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
                }
                case "image_url" -> {
                    if (!role.equals("user")) {
                        throw new IllegalArgumentException("Image URLs are only allowed for messages with role"
                                + " 'user', but this message with role '" + role + "' contains an image URL.");
                    }
                    images.add(image(part.path("image_url").path("url"), where));
                }
                default -> throw new IllegalArgumentException("Invalid value: '" + part.path("type").asText()
                        + "'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', and 'file'. ("
                        + where + ".type)");
            }
        }
        return new FakeOpenAiServer.ChatMessage(role, text.toString(), images);
    }

    /** Decodes a data URL; the fake cannot download http(s) images, so it takes data URLs only. */
    private static byte[] image(JsonNode url, String where) {
        if (!url.isTextual()) {
            throw new IllegalArgumentException("Missing required parameter: '" + where + ".image_url.url'.");
        }
        String text = url.asText();
        int comma = text.indexOf(',');
        if (!text.startsWith("data:image/") || comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
            throw new IllegalArgumentException("Invalid image URL: '" + where + ".image_url.url'. Expected a base64"
                    + "-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='),"
                    + " but got a value that is not a data URL.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid base64 image data in '" + where + ".image_url.url'.");
        }
        if (!isImage(bytes)) {
            throw new IllegalArgumentException("You uploaded an unsupported image. Please make sure your image has"
                    + " of one the following formats: ['png', 'jpeg', 'gif', 'webp'].");
        }
        return bytes;
    }

    private static boolean isImage(byte[] b) {
        return b.length > 12 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xD8 && b[2] == (byte) 0xFF
                || b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                || b[0] == 'G' && b[1] == 'I' && b[2] == 'F'
                || b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E');
    }

    static String answer(FakeOpenAiServer.ChatCall call, Function<FakeOpenAiServer.ChatCall, String> script,
                         int id) {
        return answer(call, script, id, true);
    }

    /** {@link #answer} with or without the {@code usage} object (llama.cpp builds and some proxies leave it out). */
    static String answer(FakeOpenAiServer.ChatCall call, Function<FakeOpenAiServer.ChatCall, String> script,
                         int id, boolean usage) {
        return answer(call, script, id, usage, null, 0);
    }

    /**
     * {@link #answer}; with {@code reasoningField} not null, a leading {@code <think>…</think>} goes to that field
     * of the message and the rest to {@code content} (null when the cut came inside the reasoning), as a server
     * with a reasoning parser answers. Tokens and the cut count the reasoning too: the model wrote it.
     * {@code outputLimit} (0: none) cuts a request without {@code max_tokens}, as a server's own limit does.
     */
    static String answer(FakeOpenAiServer.ChatCall call, Function<FakeOpenAiServer.ChatCall, String> script,
                         int id, boolean usage, String reasoningField, int outputLimit) {
        String content = script.apply(call);
        String finish = "stop";
        int limit = call.maxTokens() > 0 ? call.maxTokens() : outputLimit;
        if (limit > 0 && tokens(content) > limit) {
            content = content.substring(0, limit * CHARS_PER_TOKEN);
            finish = "length";
        }
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake" + id).put("object", "chat.completion")
                .put("created", 1_764_200_000L + id).put("model", call.model());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", content);
        if (reasoningField != null && content.startsWith("<think>")) {
            int end = content.indexOf("</think>");
            message.put(reasoningField, content.substring("<think>".length(), end < 0 ? content.length() : end)
                    .strip());
            if (end < 0) {
                message.putNull("content");
            } else {
                message.put("content", content.substring(end + "</think>".length()).strip());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        int prompt = call.promptTokens();
        if (!usage) {
            return root.toString();
        }
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", tokens(content))
                .put("total_tokens", prompt + tokens(content));
        return root.toString();
    }

    /** Tokens of a text in the fake's count: a quarter of the characters, rounded up, at least 1. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
