package dev.tagline.inference.openai;

import dev.tagline.core.TaglineException;
import java.net.URI;
import java.util.Optional;

/**
 * An OpenAI-compatible server: its base URL up to and including {@code /v1} (a bare host gets {@code /v1}
 * appended) and an optional API key sent as a bearer token. whisper.cpp's server, faster-whisper servers and hosted
 * APIs all take this shape.
 */
public record OpenAiEndpoint(URI baseUrl, Optional<String> apiKey) {
    public OpenAiEndpoint {
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new TaglineException("Endpoint " + baseUrl + " is not an http(s) URL",
                    "Give the server's base URL, e.g. --endpoint http://127.0.0.1:8080/v1.");
        }
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath().replaceAll("/+$", "");
        if (path.isEmpty()) {
            path = "/v1";
        }
        baseUrl = baseUrl.resolve(path);
        apiKey = apiKey.filter(k -> !k.isBlank());
    }

    public static OpenAiEndpoint of(String url, String apiKey) {
        return new OpenAiEndpoint(URI.create(url.strip()), Optional.ofNullable(apiKey));
    }

    /** An HTTP client for this server, in the version {@link dev.tagline.core.HttpVersions} gives its URL. */
    public java.net.http.HttpClient newHttpClient() {
        return java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
                .version(dev.tagline.core.HttpVersions.forUri(baseUrl)).build();
    }

    /** {@code baseUrl + "/" + relative}, e.g. {@code audio/transcriptions}. */
    public URI resolve(String relative) {
        return URI.create(baseUrl + "/" + relative);
    }
}
