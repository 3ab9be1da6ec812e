package dev.tagline.publish.platform.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.platform.meta.GraphApi;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Facebook Reels on a Page (publishing.md §5). {@link #upload}: {@code upload_phase=start}, then the bytes to the
 * rupload URL from the offset Facebook reports (retry-safe, resumable). {@link #create}: {@code upload_phase=finish}
 * with {@code video_state=PUBLISHED}. {@link #find}: the video's {@code publishing_phase}. Reels must be 3–90 s.
 */
public final class FacebookReelsPublisher implements Publisher {
    @Override
    public void upload(PublishRequest r) {
        double seconds = r.media().manifest().durationSeconds();
        if (seconds < 3 || seconds > 90) {
            throw PlatformException.permanent(null, "Facebook Reels must be 3–90 s; clip " + r.media().manifest().id()
                    + " is " + seconds + " s");
        }
        GraphApi api = new GraphApi(r);
        if (r.progress("video_id") == null) {
            JsonNode started = api.post("upload", page(r) + "/video_reels", Map.of("upload_phase", "start"));
            r.checkpoint("upload_url", started.path("upload_url").asText());
            r.checkpoint("video_id", started.path("video_id").asText());
        }
        long size = r.media().sizeBytes();
        long offset = status(api, r).path("uploading_phase").path("bytes_transferred").asLong(0);
        if (offset < size) {
            byte[] bytes = new byte[(int) (size - offset)];
            try (RandomAccessFile file = new RandomAccessFile(r.media().videoPath().toFile(), "r")) {
                file.seek(offset);
                file.readFully(bytes);
            } catch (IOException e) {
                throw PlatformException.permanent(null, "Cannot read " + r.media().videoPath() + ": " + e.getMessage());
            }
            r.http().send("upload", HttpRequest.newBuilder(URI.create(r.progress("upload_url")))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "OAuth " + r.accessToken())
                    .header("offset", Long.toString(offset)).header("file_size", Long.toString(size))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        }
    }

    @Override
    public Created create(PublishRequest r) {
        new GraphApi(r).post("create", page(r) + "/video_reels", Map.of("upload_phase", "finish", "video_id",
                r.progress("video_id"), "video_state", "PUBLISHED", "description", r.post().caption()));
        return new Created(r.progress("video_id"), url(r));
    }

    @Override
    public Outcome status(PublishRequest r) {
        JsonNode status = status(new GraphApi(r), r);
        return "complete".equals(status.path("publishing_phase").path("status").asText())
                ? new Outcome.Published(r.progress("video_id"), url(r))
                : new Outcome.Pending(Duration.ofSeconds(10), "Facebook is " + status.path("video_status").asText());
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (r.progress("video_id") == null) {
            return new Lookup.NotFound("no upload was started");
        }
        JsonNode publishing = status(new GraphApi(r), r).path("publishing_phase");
        return "complete".equals(publishing.path("status").asText()) || "published".equals(publishing
                .path("publish_status").asText()) ? new Lookup.Found(r.progress("video_id"), url(r))
                : new Lookup.NotFound("publishing phase " + publishing.path("status").asText());
    }

    private static JsonNode status(GraphApi api, PublishRequest r) {
        return api.get("status", r.progress("video_id"), Map.of("fields", "status")).path("status");
    }

    private static String page(PublishRequest r) {
        return r.channel().account();
    }

    private static String url(PublishRequest r) {
        return "https://www.facebook.com/reel/" + r.progress("video_id");
    }
}
