package dev.tagline.publish.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls to the TikTok Content Posting API with its {@code error.code} mapped onto the engine's error kinds. */
final class TikTokApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final PublishRequest r;

    TikTokApi(PublishRequest r) {
        this.r = r;
    }

    /** POSTs {@code body} to {@code path} and returns {@code data}; errors are classified. */
    JsonNode post(String step, String path, String body) {
        String base = r.channel().option("api-base", "https://open.tiktokapis.com").replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + r.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = r.http().sendRaw(step, request);
        JsonNode json = parse(response.body());
        String code = json.path("error").path("code").asText("");
        String message = "TikTok " + code + ": " + json.path("error").path("message").asText("");
        if (code.equals("spam_risk_too_many_posts")) {
            throw PlatformException.quota(message + " (the creator's daily cap); trying again tomorrow",
                    Duration.ofHours(24));
        }
        if (code.equals("access_token_invalid")) {
            throw PlatformException.auth(response.statusCode(), message);
        }
        if (response.statusCode() >= 400) {
            r.http().check(request, response);
        }
        if (!code.isEmpty() && !code.equals("ok")) {
            throw PlatformException.permanent(response.statusCode(), message);
        }
        return json.path("data");
    }

    /** PUTs bytes {@code [first, end)} of the clip to the upload URL; 206 = more expected, 201 = complete. */
    int putChunk(String step, String uploadUrl, long first, long end, long total) {
        byte[] bytes = new byte[(int) (end - first)];
        try (RandomAccessFile file = new RandomAccessFile(r.media().videoPath().toFile(), "r")) {
            file.seek(first);
            file.readFully(bytes);
        } catch (IOException e) {
            throw new dev.tagline.core.TaglineException("Cannot read " + r.media().videoPath() + ": " + e.getMessage(),
                    "The clip file changed or vanished; re-render and queue it again.", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "video/mp4")
                .header("Content-Range", "bytes " + first + "-" + (end - 1) + "/" + total)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return r.http().send(step, request).statusCode();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "TikTok sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
