package dev.tagline.publish.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * YouTube Shorts through {@code videos.insert} with the resumable upload protocol (publishing.md §2). Opening the
 * session and sending every chunk but the last is {@link #upload} (retry-safe: no video exists yet, and a lost chunk
 * is resumed from the offset the session reports). Sending the last chunk is {@link #create}: the video exists only
 * when the last byte lands. {@link #find} asks the session URI ({@code Content-Range: bytes *}/total), which answers
 * for certain whether the upload completed.
 */
public final class YouTubePublisher implements Publisher {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    @Override
    public void upload(PublishRequest r) {
        YouTubeUpload up = new YouTubeUpload(r);
        long offset = up.ensureSession();
        if (offset >= 0) {
            up.sendChunks(offset, up.finalChunkStart());
        }
    }

    @Override
    public Created create(PublishRequest r) {
        YouTubeUpload up = new YouTubeUpload(r);
        long offset = up.ensureSession();
        if (offset < 0) {
            return created(r.progress("external_id"));
        }
        long finalStart = up.finalChunkStart();
        up.sendChunks(offset, finalStart);
        HttpResponse<String> response = up.putChunk("create", finalStart, up.total());
        if (response.statusCode() == 308) {
            throw new PlatformException(PlatformException.Kind.RETRYABLE, 308, "YouTube did not take the last chunk of "
                    + r.media().videoPath().getFileName() + " (Range " + response.headers().firstValue("Range")
                    .orElse("none") + "); resuming", null, false, null);
        }
        return created(videoId(response));
    }

    @Override
    public Outcome status(PublishRequest r) {
        String id = r.progress("external_id");
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase(r) + "/youtube/v3/videos?part=status,"
                        + "processingDetails&id=" + id)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + r.accessToken()).GET().build();
        JsonNode items = parse(r.http().send("status", request).body()).path("items");
        if (items.size() == 0) {
            return new Outcome.Rejected("video " + id + " is gone from YouTube (deleted or rejected)");
        }
        JsonNode status = items.get(0).path("status");
        return switch (status.path("uploadStatus").asText()) {
            case "processed" -> new Outcome.Published(id, watchUrl(id));
            case "failed" -> new Outcome.Rejected("processing failed: " + status.path("failureReason").asText());
            case "rejected" -> new Outcome.Rejected("rejected: " + status.path("rejectionReason").asText());
            default -> new Outcome.Pending(Duration.ofSeconds(30), "YouTube is processing " + id);
        };
    }

    @Override
    public Lookup find(PublishRequest r) {
        YouTubeUpload up = new YouTubeUpload(r);
        if (up.session() == null) {
            return new Lookup.NotFound("no upload session was opened, so no video exists");
        }
        HttpResponse<String> response = up.query("reconcile");
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            String id = videoId(response);
            return new Lookup.Found(id, watchUrl(id));
        }
        if (response.statusCode() == 308) {
            return new Lookup.NotFound("the upload session holds " + YouTubeUpload.received(response) + " of "
                    + up.total() + " bytes");
        }
        if (response.statusCode() == 404) {
            return new Lookup.NotFound("the upload session expired before its last byte arrived");
        }
        return new Lookup.Unknown("the session answered HTTP " + response.statusCode());
    }

    /** YouTube's quota resets at midnight Pacific time; a quota error waits until then. */
    static Duration untilQuotaReset(PublishRequest r) {
        var now = r.clock().instant();
        var next = LocalDate.ofInstant(now, QUOTA_ZONE).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
        return Duration.between(now, next);
    }

    static String apiBase(PublishRequest r) {
        return r.channel().option("api-base", "https://www.googleapis.com").replaceAll("/+$", "");
    }

    private static Created created(String id) {
        return new Created(id, watchUrl(id));
    }

    static String watchUrl(String id) {
        return "https://www.youtube.com/shorts/" + id;
    }

    static String videoId(HttpResponse<String> response) {
        String id = parse(response.body()).path("id").asText("");
        if (id.isEmpty()) {
            throw PlatformException.ambiguous(response.statusCode(), "YouTube finished the upload but sent no video"
                    + " id", null);
        }
        return id;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "YouTube sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
