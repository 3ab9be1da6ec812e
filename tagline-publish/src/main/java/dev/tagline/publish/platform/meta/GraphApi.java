package dev.tagline.publish.platform.meta;

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

/**
 * Graph API calls (Instagram and Facebook) with Meta's error codes mapped (publishing.md §4, §12, §17.3): 190 expired token; 4, 17, 32, 613 and
 * 80001–80014 rate limits; 9 / 2207042 the 24 h publishing limit; 9007 / 2207027 media not ready; {@code is_transient}
 * and 5xx retryable; anything else permanent with Meta's message.
 */
public final class GraphApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PublishRequest r;

    public GraphApi(PublishRequest r) {
        this.r = r;
    }

    public JsonNode get(String step, String path, Map<String, String> params) {
        return call(step, "GET", path, params);
    }

    public JsonNode post(String step, String path, Map<String, String> params) {
        return call(step, "POST", path, params);
    }

    private JsonNode call(String step, String method, String path, Map<String, String> params) {
        String base = r.channel().option("api-base", "https://graph.facebook.com").replaceAll("/+$", "");
        String form = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String token = "access_token=" + URLEncoder.encode(r.accessToken(), StandardCharsets.UTF_8);
        String url = base + "/v21.0/" + path + "?" + (method.equals("GET") ? form + "&" + token : token);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        HttpRequest request = method.equals("GET") ? b.GET().build()
                : b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = r.http().sendRaw(step, request);
        JsonNode json = parse(response.body());
        JsonNode error = json.path("error");
        if (error.isMissingNode() && response.statusCode() < 400) {
            return json;
        }
        throw classify(response.statusCode(), error);
    }

    static PlatformException classify(int status, JsonNode error) {
        int code = error.path("code").asInt(-1);
        int sub = error.path("error_subcode").asInt(-1);
        String msg = "Meta error " + code + (sub > 0 ? "/" + sub : "") + ": " + error.path("message").asText("HTTP "
                + status);
        if (code == 190) {
            return PlatformException.auth(status, msg);
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80001 && code <= 80014)) {
            return PlatformException.rateLimited(status, msg, Duration.ofMinutes(5));
        }
        if (code == 9 && sub == 2207042) {
            return PlatformException.quota(msg + " (publishing limit: Instagram 50, Facebook Reels 30 per 24 h)", Duration.ofHours(1));
        }
        if (code == 9007 || sub == 2207027) {
            return PlatformException.pending(msg, Duration.ofSeconds(30));
        }
        if (status >= 500 || error.path("is_transient").asBoolean(false)) {
            return PlatformException.ambiguous(status, msg, null);
        }
        return PlatformException.permanent(status, msg);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "Meta sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
