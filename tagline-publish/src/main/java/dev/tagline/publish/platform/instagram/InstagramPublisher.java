package dev.tagline.publish.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.platform.VideoLinks;
import dev.tagline.publish.platform.meta.GraphApi;
import java.time.Duration;
import java.util.Map;

/**
 * Instagram Reels through the Graph API (publishing.md §4). {@link #upload}: a REELS container from the post's public
 * link ({@link VideoLinks}, under {@code media-base-url}, checked to answer first), then its {@code status_code} until
 * FINISHED: retry-safe, a container is not a post.
 * {@link #create}: {@code media_publish}, after checking {@code content_publishing_limit}. {@link #find}: the container's
 * status says PUBLISHED or not; the media id is then found among the account's recent media by caption.
 */
public final class InstagramPublisher implements Publisher {
    @Override
    public void upload(PublishRequest r) {
        GraphApi api = new GraphApi(r);
        String container = r.progress("container");
        if (container == null || container.isEmpty()) {
            if (r.channel().option("media-base-url", "").isBlank()) {
                throw PlatformException.permanent(null, "Instagram fetches the video by URL: set --option"
                        + " media-base-url=https://… on channel '" + r.channel().name() + "' (never localhost)");
            }
            JsonNode made = api.post("upload", user(r) + "/media", Map.of("media_type", "REELS", "video_url",
                    VideoLinks.prepare(r), "caption", r.post().caption(), "share_to_feed",
                    r.channel().option("share-to-feed", "true")));
            container = made.path("id").asText();
            r.checkpoint("container", container);
        }
        String status = api.get("upload", container, Map.of("fields", "status_code,status")).path("status_code").asText();
        switch (status) {
            case "FINISHED" -> {
            }
            case "IN_PROGRESS" -> throw PlatformException.pending("Instagram is still processing container "
                    + container, Duration.ofSeconds(20));
            case "EXPIRED" -> {
                r.checkpoint("container", "");
                throw PlatformException.pending("container " + container + " expired (24 h); making a new one",
                        Duration.ZERO);
            }
            default -> throw PlatformException.permanent(null, "Instagram could not process the video (container "
                    + container + " " + status + "); is media-base-url reachable from the internet?");
        }
    }

    @Override
    public Created create(PublishRequest r) {
        GraphApi api = new GraphApi(r);
        JsonNode limit = api.get("create", user(r) + "/content_publishing_limit", Map.of("fields",
                "quota_usage,config")).path("data").path(0);
        if (limit.path("quota_usage").asInt(0) >= limit.path("config").path("quota_total").asInt(50)) {
            throw PlatformException.quota("Instagram publishing limit reached (" + limit.path("quota_usage").asInt()
                    + " of " + limit.path("config").path("quota_total").asInt() + " in 24 h)", Duration.ofHours(1));
        }
        String id = api.post("create", user(r) + "/media_publish", Map.of("creation_id", r.progress("container")))
                .path("id").asText();
        return new Created(id, null);
    }

    @Override
    public Outcome status(PublishRequest r) {
        String id = r.progress("external_id");
        JsonNode media = new GraphApi(r).get("status", id, Map.of("fields", "permalink"));
        return new Outcome.Published(id, media.path("permalink").asText(null));
    }

    @Override
    public Lookup find(PublishRequest r) {
        String container = r.progress("container");
        if (container == null || container.isEmpty()) {
            return new Lookup.NotFound("no container was made, so nothing was published");
        }
        GraphApi api = new GraphApi(r);
        String status = api.get("reconcile", container, Map.of("fields", "status_code")).path("status_code").asText();
        if (!status.equals("PUBLISHED")) {
            return new Lookup.NotFound("container " + container + " is " + status + ", not PUBLISHED");
        }
        for (JsonNode m : api.get("reconcile", user(r) + "/media", Map.of("fields", "id,caption,timestamp", "limit",
                "25")).path("data")) {
            if (m.path("caption").asText().equals(r.post().caption())) {
                return new Lookup.Found(m.path("id").asText(), null);
            }
        }
        return new Lookup.Unknown("container " + container + " is PUBLISHED but its media is not among the 25 newest");
    }

    private static String user(PublishRequest r) {
        return r.channel().account();
    }

    @Override
    public int concurrency() {
        return 4;
    }
}
