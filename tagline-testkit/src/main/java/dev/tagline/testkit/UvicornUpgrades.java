package dev.tagline.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How a server on uvicorn answers an HTTP/2 upgrade offer ({@code Upgrade: h2c}, which Java's HttpClient adds to
 * plain-http requests unless told HTTP/1.1): its httptools parser refuses it with 400 "Unsupported upgrade request."
 * (uvicorn issue #1501; later versions ignore the offer but may drop a chunked body, issue #2722). vLLM,
 * faster-whisper-server, FastAPI webhook receivers and self-hosted Hub mirrors such as olah run on uvicorn; the fakes
 * that stand for them answer the same way.
 */
public final class UvicornUpgrades {
    private UvicornUpgrades() {
    }

    /** Answers 400 to an upgrade offer other than a WebSocket's and returns true; false leaves the exchange alone. */
    public static boolean refused(HttpExchange exchange) throws IOException {
        String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
        if (upgrade == null || upgrade.equalsIgnoreCase("websocket")) {
            return false;
        }
        byte[] body = "Unsupported upgrade request.".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, body.length);
        exchange.getResponseBody().write(body);
        return true;
    }
}
