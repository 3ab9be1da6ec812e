package dev.tagline.publish.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.time.Duration;

/**
 * TikTok Direct Post with FILE_UPLOAD (publishing.md §3). {@link #upload}: creator info (privacy level and duration
 * checked against what the creator may do), {@code video/init}, then every chunk but the last: retry-safe, since a
 * publish whose upload never completes never becomes a post, and {@code status/fetch} reports the bytes received so an
 * upload resumes where it stopped. {@link #create}: the last chunk. {@link #find}: {@code status/fetch} by
 * {@code publish_id}.
 */
public final class TikTokPublisher implements Publisher {
    static final long MB = 1024 * 1024;

    @Override
    public void upload(PublishRequest r) {
        TikTokApi api = new TikTokApi(r);
        if (r.progress("publish_id") == null) {
            init(r, api);
        }
        long received = uploaded(r, api);
        sendChunks(r, api, received, lastChunkStart(r));
    }

    @Override
    public Created create(PublishRequest r) {
        TikTokApi api = new TikTokApi(r);
        long size = r.media().sizeBytes();
        long received = uploaded(r, api);
        if (received < size) {
            long last = lastChunkStart(r);
            sendChunks(r, api, received, last);
            int status = api.putChunk("create", r.progress("upload_url"), last, size, size);
            if (status != 201) {
                throw new PlatformException(PlatformException.Kind.RETRYABLE, status, "TikTok did not complete the"
                        + " upload after the last chunk (HTTP " + status + ")", null, false, null);
            }
        }
        return new Created(r.progress("publish_id"), null);
    }

    @Override
    public Outcome status(PublishRequest r) {
        JsonNode data = fetch(r, new TikTokApi(r), "status");
        return switch (data.path("status").asText()) {
            case "PUBLISH_COMPLETE" -> {
                JsonNode ids = data.path("publicaly_available_post_id");
                String id = ids.size() > 0 ? ids.get(0).asText() : r.progress("publish_id");
                yield new Outcome.Published(id, ids.size() > 0 ? "https://www.tiktok.com/@" + r.channel().account()
                        + "/video/" + id : null);
            }
            case "FAILED" -> new Outcome.Rejected("TikTok: " + data.path("fail_reason").asText("unknown reason"));
            default -> new Outcome.Pending(Duration.ofSeconds(20), "TikTok " + data.path("status").asText());
        };
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (r.progress("publish_id") == null) {
            return new Lookup.NotFound("no publish was initialised, so no post exists");
        }
        JsonNode data = fetch(r, new TikTokApi(r), "reconcile");
        String status = data.path("status").asText();
        long bytes = data.path("uploaded_bytes").asLong(-1);
        if (status.equals("PROCESSING_UPLOAD") && bytes >= 0 && bytes < r.media().sizeBytes()) {
            return new Lookup.NotFound("TikTok holds " + bytes + " of " + r.media().sizeBytes() + " bytes");
        }
        if (status.isEmpty()) {
            return new Lookup.Unknown("status/fetch gave no status");
        }
        return new Lookup.Found(r.progress("publish_id"), null);
    }

    private static void init(PublishRequest r, TikTokApi api) {
        JsonNode creator = api.post("upload", "/v2/post/publish/creator_info/query/", "{}");
        String privacy = r.channel().option("privacy-level", "SELF_ONLY");
        boolean allowed = false;
        for (JsonNode option : creator.path("privacy_level_options")) {
            allowed |= option.asText().equals(privacy);
        }
        if (!allowed) {
            throw PlatformException.permanent(null, "TikTok account '" + r.channel().account() + "' may not post with"
                    + " privacy " + privacy + "; allowed now: " + creator.path("privacy_level_options"));
        }
        double duration = r.media().manifest().durationSeconds();
        if (duration > creator.path("max_video_post_duration_sec").asDouble(600)) {
            throw PlatformException.permanent(null, "Clip is " + duration + " s; this creator may post at most "
                    + creator.path("max_video_post_duration_sec").asInt() + " s");
        }
        long size = r.media().sizeBytes();
        long chunk = chunkSize(r, size);
        ObjectNode body = TikTokApi.JSON.createObjectNode();
        ObjectNode post = body.putObject("post_info");
        post.put("title", r.post().caption().length() > 2200 ? r.post().caption().substring(0, 2200) : r.post().caption());
        post.put("privacy_level", privacy);
        post.put("disable_duet", creator.path("duet_disabled").asBoolean());
        post.put("disable_comment", creator.path("comment_disabled").asBoolean());
        post.put("disable_stitch", creator.path("stitch_disabled").asBoolean());
        ObjectNode source = body.putObject("source_info");
        source.put("source", "FILE_UPLOAD");
        source.put("video_size", size);
        source.put("chunk_size", chunk);
        source.put("total_chunk_count", size / chunk);
        JsonNode data = api.post("upload", "/v2/post/publish/video/init/", body.toString());
        r.checkpoint("upload_url", data.path("upload_url").asText());
        r.checkpoint("publish_id", data.path("publish_id").asText());
    }

    /** Files under 5 MB go whole; larger ones in {@code chunk-mb} chunks (default 10, within 5–64). */
    static long chunkSize(PublishRequest r, long size) {
        if (size < 5 * MB) {
            return size;
        }
        long mb = Long.parseLong(r.channel().option("chunk-mb", "10"));
        return Math.min(Math.max(mb, 5), 64) * MB;
    }

    private static long lastChunkStart(PublishRequest r) {
        long size = r.media().sizeBytes();
        long chunk = chunkSize(r, size);
        return (size / chunk - 1) * chunk;
    }

    private static void sendChunks(PublishRequest r, TikTokApi api, long from, long lastStart) {
        long chunk = chunkSize(r, r.media().sizeBytes());
        for (long first = from; first < lastStart; first += chunk) {
            api.putChunk("upload", r.progress("upload_url"), first, first + chunk, r.media().sizeBytes());
            r.checkpoint("uploaded_bytes", Long.toString(first + chunk));
        }
    }

    private static long uploaded(PublishRequest r, TikTokApi api) {
        return fetch(r, api, "upload").path("uploaded_bytes").asLong(0);
    }

    private static JsonNode fetch(PublishRequest r, TikTokApi api, String step) {
        return api.post(step, "/v2/post/publish/status/fetch/", "{\"publish_id\":\"" + r.progress("publish_id")
                + "\"}");
    }

    @Override
    public int concurrency() {
        return 2;
    }
}
