package dev.tagline.publish.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** AT Protocol XRPC calls for one publish step, with an app-password session opened on first use. */
final class Xrpc {
    static final ObjectMapper JSON = new ObjectMapper();
    private final PublishRequest r;
    private JsonNode session;

    Xrpc(PublishRequest r) {
        this.r = r;
    }

    String pds() {
        return r.channel().option("pds", "https://bsky.social").replaceAll("/+$", "");
    }

    String did() {
        return session().path("did").asText();
    }

    JsonNode session() {
        if (session == null) {
            session = call("upload", "POST", pds(), "com.atproto.server.createSession", Map.of(), null,
                    "{\"identifier\":" + quote(r.channel().account()) + ",\"password\":" + quote(r.accessToken()) + "}",
                    "application/json");
        }
        return session;
    }

    JsonNode get(String step, String nsid, Map<String, String> params) {
        return call(step, "GET", pds(), nsid, params, session().path("accessJwt").asText(), null, null);
    }

    JsonNode post(String step, String nsid, String json) {
        return call(step, "POST", pds(), nsid, Map.of(), session().path("accessJwt").asText(), json, "application/json");
    }

    /** Raw call; {@code body} is a string (JSON) or bytes. */
    JsonNode call(String step, String method, String host, String nsid, Map<String, String> params, String bearer,
                  Object body, String contentType) {
        String query = params.isEmpty() ? "" : "?" + params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host + "/xrpc/" + nsid + query))
                .timeout(Duration.ofMinutes(2));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", contentType).POST(body instanceof byte[] bytes
                    ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.ofString((String) body));
        }
        HttpRequest request = b.build();
        HttpResponse<String> response = r.http().sendRaw(step, request);
        JsonNode json = parse(response.body());
        if (response.statusCode() < 400) {
            return json;
        }
        String error = json.path("error").asText("");
        String message = "Bluesky " + error + ": " + json.path("message").asText("HTTP " + response.statusCode());
        if (error.equals("RecordNotFound") || error.equals("InvalidSwap")) {
            return json;
        }
        if (error.equals("AuthenticationRequired") && nsid.equals("com.atproto.server.createSession")) {
            throw new dev.tagline.publish.auth.ReconnectNeededException(r.channel().name(), "the app password was"
                    + " refused (" + message + ")");
        }
        r.http().check(request, response);
        throw PlatformException.permanent(response.statusCode(), message);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "Bluesky sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
