package dev.tagline.publish.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.net.URI;
import java.nio.file.Files;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Bluesky video posts (publishing.md §9): app-password session, service auth for {@code uploadBlob}, the video
 * service's upload job until it yields a blob (retry-safe), then {@code createRecord} of an {@code app.bsky.feed.post}
 * under a record key fixed before the first attempt. Because the key is fixed, the create step is idempotent: a second
 * create finds the record already there, and {@link #find} is a definite {@code getRecord}.
 */
public final class BlueskyPublisher implements Publisher {
    private static final String COLLECTION = "app.bsky.feed.post";

    @Override
    public void upload(PublishRequest r) {
        if (r.progress("rkey") == null) {
            long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, r.clock().instant());
            r.checkpoint("rkey", Tid.of(micros, (int) (r.post().id() % 1024)));
        }
        if (r.progress("blob") != null) {
            return;
        }
        Xrpc x = new Xrpc(r);
        String video = r.channel().option("video-service", "https://video.bsky.app").replaceAll("/+$", "");
        if (r.progress("job") == null) {
            String token = x.get("upload", "com.atproto.server.getServiceAuth", Map.of("aud", "did:web:"
                    + URI.create(x.pds()).getHost(), "lxm", "com.atproto.repo.uploadBlob", "exp", Long.toString(
                    r.clock().instant().plus(Duration.ofMinutes(30)).getEpochSecond()))).path("token").asText();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(r.media().videoPath());
            } catch (java.io.IOException e) {
                throw PlatformException.permanent(null, "Cannot read " + r.media().videoPath() + ": " + e.getMessage());
            }
            JsonNode job = x.call("upload", "POST", video, "app.bsky.video.uploadVideo", Map.of("did", x.did(), "name",
                    r.media().videoPath().getFileName().toString()), token, bytes, "video/mp4");
            r.checkpoint("job", job.path("jobId").asText());
        }
        JsonNode status = x.call("upload", "GET", video, "app.bsky.video.getJobStatus", Map.of("jobId",
                r.progress("job")), null, null, null).path("jobStatus");
        if (status.has("blob")) {
            r.checkpoint("blob", status.path("blob").toString());
        } else if (status.path("state").asText().equals("JOB_STATE_FAILED")) {
            throw PlatformException.permanent(null, "Bluesky could not process the video: " + status.path("error")
                    .asText(status.path("message").asText()));
        } else {
            throw PlatformException.pending("Bluesky is processing the video (" + status.path("state").asText() + ")",
                    Duration.ofSeconds(5));
        }
    }

    @Override
    public Created create(PublishRequest r) {
        Xrpc x = new Xrpc(r);
        ObjectNode body = Xrpc.JSON.createObjectNode();
        body.put("repo", x.did());
        body.put("collection", COLLECTION);
        body.put("rkey", r.progress("rkey"));
        ObjectNode record = body.putObject("record");
        record.put("$type", COLLECTION);
        record.put("text", truncate(r.post().caption(), 300));
        record.put("createdAt", r.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode embed = record.putObject("embed");
        embed.put("$type", "app.bsky.embed.video");
        try {
            embed.set("video", Xrpc.JSON.readTree(r.progress("blob")));
        } catch (java.io.IOException e) {
            throw PlatformException.permanent(null, "stored blob reference is damaged: " + e.getMessage());
        }
        embed.putObject("aspectRatio").put("width", r.media().manifest().width()).put("height",
                r.media().manifest().height());
        JsonNode created = x.post("create", "com.atproto.repo.createRecord", body.toString());
        String uri = created.path("uri").asText("at://" + x.did() + "/" + COLLECTION + "/" + r.progress("rkey"));
        return new Created(uri, webUrl(r));
    }

    @Override
    public Outcome status(PublishRequest r) {
        return new Outcome.Published(r.progress("external_id"), webUrl(r));
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (r.progress("rkey") == null || r.progress("blob") == null) {
            return new Lookup.NotFound("no record was attempted yet");
        }
        Xrpc x = new Xrpc(r);
        JsonNode got = x.get("reconcile", "com.atproto.repo.getRecord", Map.of("repo", x.did(), "collection",
                COLLECTION, "rkey", r.progress("rkey")));
        return got.has("uri") ? new Lookup.Found(got.path("uri").asText(), webUrl(r))
                : new Lookup.NotFound("no record at rkey " + r.progress("rkey"));
    }

    private static String webUrl(PublishRequest r) {
        return "https://bsky.app/profile/" + r.channel().account() + "/post/" + r.progress("rkey");
    }

    /** The first {@code max} grapheme clusters of {@code text}. */
    static String truncate(String text, int max) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int end = 0;
        for (int i = 0; i < max; i++) {
            int next = it.next();
            if (next == BreakIterator.DONE) {
                return text;
            }
            end = next;
        }
        return it.next() == BreakIterator.DONE ? text : text.substring(0, end);
    }
}
