package dev.tagline.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What an OpenAI-compatible server's error body says, in the shapes the servers answer with: OpenAI's, Ollama's,
 * llama.cpp's and newer vLLM's {@code {"error": {"message": …}}}, LM Studio's {@code {"error": "…"}}, and older
 * vLLM's top-level {@code {"object": "error", "message": …}}; which of those errors every request of a run would
 * share; and the one line to show of any body, an HTML page's included ({@link #shown}).
 */
final class ErrorBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:<!doctype html|<html|<head|<body|<title|<h1|<p>)");
    private static final java.util.regex.Pattern HTML_HIDDEN = java.util.regex.Pattern.compile(
            "(?is)<(head|script|style)\\b.*?</\\1\\s*>");
    private static final java.util.regex.Pattern HTML_TITLE = java.util.regex.Pattern.compile(
            "(?is)<title\\b[^>]*>(.*?)</title");

    private ErrorBody() {
    }

    /** The server's message, or empty when the body is not JSON or carries none. */
    static String message(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return ""; // not JSON: the caller shows the text itself
        }
        if (root == null || !root.isObject()) {
            return "";
        }
        JsonNode error = root.path("error");
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (message.isEmpty() && root.path("message").isTextual()) {
            message = root.path("message").asText(); // vLLM: {"object": "error", "message": …, "code": 404}
        }
        return message.strip();
    }

    /** The {@code error.code} of OpenAI's body ({@code model_not_found}, {@code insufficient_quota}); else empty. */
    static String code(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root == null ? "" : root.path("error").path("code").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The fix for an error that comes from how the server was started, so that every request of the run would get
     * it: llama.cpp's {@code llama-server} without the model's vision projector ("image input is not supported -
     * hint: … you may need to provide the mmproj"), LM Studio with no model loaded ("No models loaded. Please load a
     * model …"). Empty for any other error.
     */
    static Optional<String> serverWide(int status, String body) {
        String message = message(body).toLowerCase(Locale.ROOT);
        if (status / 100 != 4 && status / 100 != 5 || message.isEmpty()) {
            return Optional.empty();
        }
        if (message.contains("image input is not supported") || message.contains("mmproj")) {
            return Optional.of("The server cannot read images: start llama-server with --mmproj FILE (the model's"
                    + " vision projector, mmproj-*.gguf beside the model), or serve a vision model.");
        }
        if (message.startsWith("no models loaded")) {
            return Optional.of("LM Studio has no model loaded: load one (lms load MODEL, or in its developer page),"
                    + " then run again.");
        }
        return Optional.empty();
    }

    /**
     * A 503 from a server that is starting or full rather than failing: llama.cpp's "Loading model" while it reads
     * the weights, Ollama's "server busy" when its queue is full. Worth waiting out for longer than a failure.
     */
    static boolean notReady(int status, String body) {
        if (status != 503) {
            return false;
        }
        String message = message(body).toLowerCase(Locale.ROOT);
        return loading(status, body) || message.startsWith("server busy");
    }

    /** llama.cpp's 503 "Loading model": the server has not read its model yet. */
    static boolean loading(int status, String body) {
        return status == 503 && message(body).toLowerCase(Locale.ROOT).startsWith("loading model");
    }

    /**
     * A 404 naming the model rather than the URL: OpenAI's {@code code: model_not_found}, Ollama's "model \"x\" not
     * found, try pulling it first", vLLM's "The model `x` does not exist."
     */
    static boolean modelNotFound(int status, String body) {
        if (status != 404 && status != 400) {
            return false;
        }
        if (code(body).equals("model_not_found")) {
            return true;
        }
        String message = message(body).toLowerCase(Locale.ROOT);
        return status == 404 && message.contains("model")
                && (message.contains("not found") || message.contains("does not exist"));
    }

    /**
     * OpenAI's 429 with {@code code} or {@code type} {@code insufficient_quota}: out of credit, not rate-limited, so
     * neither a retry nor the next image can succeed.
     */
    static boolean noQuota(int status, String body) {
        if (status != 429) {
            return false;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? JSON.missingNode() : root.path("error");
            return "insufficient_quota".equals(error.path("code").asText()) || "insufficient_quota".equals(
                    error.path("type").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The visible text of an HTML page, one line; its title when the body shows nothing. */
    private static String pageText(String html) {
        String text = entities(HTML_HIDDEN.matcher(html).replaceAll(" ").replaceAll("(?s)<[^>]*>", " "));
        text = text.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            java.util.regex.Matcher title = HTML_TITLE.matcher(html);
            text = title.find() ? entities(title.group(1)).replaceAll("\\s+", " ").strip() : "";
        }
        return text;
    }

    private static String entities(String text) {
        return text.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    /**
     * The server's message in any of the error shapes read here (whole: it is the useful part, such as
     * vLLM's context-length advice); else the text of an HTML page (tags, head, scripts and styles dropped: "Error
     * code: 501 Message: Unsupported method ('POST')." rather than {@code <!DOCTYPE HTML>}); else the body's first
     * line, at most 200 characters.
     */
    static String shown(String body) {
        String message = message(body);
        if (!message.isEmpty()) {
            return message;
        }
        String first = HTML_START.matcher(body).lookingAt() ? pageText(body)
                : body.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
