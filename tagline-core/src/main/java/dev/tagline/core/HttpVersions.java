package dev.tagline.core;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * The HTTP version Tagline asks for. A plain {@code http://} server (Ollama, llama.cpp, vLLM, LM Studio,
 * faster-whisper-server on a local port, a webhook receiver, a self-hosted Hub mirror) is spoken to in HTTP/1.1
 * straight away: the JDK client otherwise offers an h2c upgrade with every request, which none of them takes, and
 * which uvicorn (vLLM, faster-whisper-server, FastAPI receivers, olah) with its httptools parser refuses with 400
 * "Unsupported upgrade request." or answers without the request body (uvicorn issues #1501, #2722). HTTPS negotiates
 * HTTP/2 as usual.
 */
public final class HttpVersions {
    private HttpVersions() {
    }

    /** HTTP/1.1 for {@code http://}, HTTP/2 (negotiated, falling back to 1.1) otherwise. */
    public static HttpClient.Version forUri(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
    }
}
