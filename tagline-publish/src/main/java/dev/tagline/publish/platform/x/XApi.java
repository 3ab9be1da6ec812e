package dev.tagline.publish.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.publish.platform.PublishRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** X API v2 calls with a bearer token; errors are classified by {@code PlatformHttp} (429 with the reset time). */
final class XApi {
    private final PublishRequest r;

    XApi(PublishRequest r) {
        this.r = r;
    }

    private String base() {
        return r.channel().option("api-base", "https://api.x.com").replaceAll("/+$", "");
    }

    JsonNode json(String step, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + r.accessToken());
        HttpRequest request = method.equals("GET") ? b.GET().build() : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build();
        return XPublisher.parse(r.http().send(step, request).body());
    }

    /** {@code POST /2/media/upload/{id}/append} as multipart/form-data: {@code segment_index}, then {@code media}. */
    void append(String mediaId, int segment, long first, long end) {
        byte[] bytes = new byte[(int) (end - first)];
        try (RandomAccessFile file = new RandomAccessFile(r.media().videoPath().toFile(), "r")) {
            file.seek(first);
            file.readFully(bytes);
        } catch (IOException e) {
            throw new dev.tagline.core.TaglineException("Cannot read " + r.media().videoPath() + ": " + e.getMessage(),
                    "The clip file changed or vanished; re-render and queue it again.", e);
        }
        String boundary = "tagline-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n" + segment
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"blob\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        r.http().send("upload", HttpRequest.newBuilder(URI.create(base() + "/2/media/upload/" + mediaId + "/append"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + r.accessToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
