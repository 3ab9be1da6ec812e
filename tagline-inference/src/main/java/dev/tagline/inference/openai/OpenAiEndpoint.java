package dev.tagline.inference.openai;

import dev.tagline.core.TaglineException;
import java.net.URI;
import java.util.Optional;

/**
 * An OpenAI-compatible server: its base URL up to and including {@code /v1} (a bare host gets {@code /v1}
 * appended, a pasted operation such as {@code /chat/completions} is taken off) and an optional API key sent as a bearer token. whisper.cpp's server, faster-whisper servers and hosted
 * APIs all take this shape.
 */
public record OpenAiEndpoint(URI baseUrl, Optional<String> apiKey) {
    /** The operations Tagline calls or a user may paste, at the end of a path. */
    private static final String OPERATION = "/(chat/completions|completions|audio/transcriptions|models)$";

    public OpenAiEndpoint {
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw notHttp(baseUrl, null);
        }
        // a URL pasted from an API page ends in the operation; the base URL is what comes before it
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath().replaceAll("/+$", "")
                .replaceFirst(OPERATION, "");
        if (path.isEmpty()) {
            path = "/v1";
        }
        baseUrl = baseUrl.resolve(path);
        apiKey = apiKey.filter(k -> !k.isBlank());
    }

    /** {@code url} as typed (e.g. {@code --endpoint}); one that is no URI at all gets the same error as a non-http one. */
    public static OpenAiEndpoint of(String url, String apiKey) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw notHttp(url, e);
        }
        return new OpenAiEndpoint(uri, Optional.ofNullable(apiKey));
    }

    private static TaglineException notHttp(Object url, Throwable cause) {
        return new TaglineException("Endpoint " + url + " is not an http(s) URL",
                "Give the server's base URL, e.g. --endpoint http://127.0.0.1:8080/v1.", cause);
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
