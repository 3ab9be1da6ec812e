package dev.tagline.testkit.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error bodies that the local model servers answer with, word for word, where they differ from OpenAI's
 * {@code {"error": {"message", "type", "param", "code"}}}: llama.cpp's {@code llama-server} (loading, no vision
 * projector), LM Studio (no model loaded), Ollama (queue full) and older vLLM releases (the error at the top level:
 * {@code {"object": "error", "message", "type", "param", "code"}}).
 */
final class ServerQuirks {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** llama.cpp server.cpp while it reads the weights. */
    static final String LLAMA_CPP_LOADING = "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":"
            + "\"unavailable_error\"}}";
    /** llama.cpp server.cpp for a request with an image when started without {@code --mmproj}. */
    static final String LLAMA_CPP_NO_MMPROJ = "{\"error\":{\"code\":500,\"message\":\"image input is not supported"
            + " - hint: if this is unexpected, you may need to provide the mmproj\",\"type\":\"server_error\"}}";
    /** LM Studio's server with no model loaded (400). */
    static final String LM_STUDIO_NO_MODEL = "{\"error\":\"No models loaded. Please load a model in the developer"
            + " page or use the `lms load` command.\"}";
    /** Ollama's 503 when {@code OLLAMA_MAX_QUEUE} requests already wait. */
    static final String OLLAMA_BUSY = "{\"error\":{\"message\":\"server busy, please try again.  maximum pending"
            + " requests exceeded\",\"type\":\"api_error\",\"param\":null,\"code\":null}}";

    private ServerQuirks() {
    }

    /** vLLM's {@code ErrorResponse} as older releases send it, the type named after the status. */
    static String vllm(int status, String message) {
        String type = switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "Unauthorized";
            case 404 -> "NotFoundError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
        ObjectNode root = JSON.createObjectNode().put("object", "error").put("message", message).put("type", type);
        root.putNull("param");
        return root.put("code", status).toString();
    }

    /** vLLM's unknown model (serving_engine.py). */
    static String vllmNoSuchModel(String model) {
        return vllm(404, "The model `" + model + "` does not exist.");
    }

    /** vLLM's request over the context window (serving_engine.py). */
    static String vllmContextLength(int window, int prompt, int completion) {
        return vllm(400, "This model's maximum context length is " + window + " tokens. However, you requested "
                + (prompt + completion) + " tokens (" + prompt + " in the messages, " + completion + " in the"
                + " completion). Please reduce the length of the messages or completion.");
    }
}
