package dev.tagline.publish.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.time.Duration;

/**
 * X (publishing.md §6): chunked media upload (initialize, append segments, finalize, status) is {@link #upload}; a
 * broken upload simply starts over, since media is not a post. {@code POST /2/tweets} is {@link #create}. X offers no
 * way to ask whether a given post exists except reading the account's newest posts, so {@link #find} answers Found when
 * one carries the uploaded media and Unknown otherwise: a timeline can lag, and guessing "not found" could double-post.
 */
public final class XPublisher implements Publisher {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEGMENT = 1024 * 1024;

    @Override
    public void upload(PublishRequest r) {
        XApi api = new XApi(r);
        if (blank(r.progress("media_id"))) {
            ObjectNode init = JSON.createObjectNode().put("media_type", "video/mp4")
                    .put("total_bytes", r.media().sizeBytes()).put("media_category", "tweet_video");
            r.checkpoint("media_id", api.json("upload", "POST", "/2/media/upload/initialize", init.toString())
                    .path("data").path("id").asText());
            r.checkpoint("segments", "0");
            r.checkpoint("finalized", "false");
        }
        String id = r.progress("media_id");
        try {
            if (!"true".equals(r.progress("finalized"))) {
                long size = r.media().sizeBytes();
                for (int seg = Integer.parseInt(r.progress("segments")); (long) seg * SEGMENT < size; seg++) {
                    api.append(id, seg, (long) seg * SEGMENT, Math.min(size, (long) (seg + 1) * SEGMENT));
                    r.checkpoint("segments", Integer.toString(seg + 1));
                }
                api.json("upload", "POST", "/2/media/upload/" + id + "/finalize", "");
                r.checkpoint("finalized", "true");
            }
        } catch (PlatformException e) {
            if (e.kind() != PlatformException.Kind.PERMANENT) {
                throw e;
            }
            r.checkpoint("media_id", "");
            throw PlatformException.pending("X refused upload " + id + " (" + e.getMessage() + "); starting a new one",
                    Duration.ZERO);
        }
        JsonNode info = api.json("upload", "GET", "/2/media/upload?command=STATUS&media_id=" + id, null).path("data")
                .path("processing_info");
        switch (info.path("state").asText("succeeded")) {
            case "succeeded" -> {
            }
            case "failed" -> throw PlatformException.permanent(null, "X could not process the video: " + info.path("error")
                    .path("message").asText("no reason given"));
            default -> throw PlatformException.pending("X is processing media " + id,
                    Duration.ofSeconds(info.path("check_after_secs").asLong(5)));
        }
    }

    @Override
    public Created create(PublishRequest r) {
        ObjectNode body = JSON.createObjectNode().put("text", fit(r.post().caption(), 280));
        body.putObject("media").putArray("media_ids").add(r.progress("media_id"));
        String id = new XApi(r).json("create", "POST", "/2/tweets", body.toString()).path("data").path("id").asText();
        return new Created(id, "https://x.com/i/web/status/" + id);
    }

    @Override
    public Outcome status(PublishRequest r) {
        return new Outcome.Published(r.progress("external_id"), r.progress("external_url"));
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (!"true".equals(r.progress("finalized"))) {
            return new Lookup.NotFound("the media was never finalized, so no post can carry it");
        }
        JsonNode recent = new XApi(r).json("reconcile", "GET", "/2/users/" + r.channel().account()
                + "/tweets?max_results=10&expansions=attachments.media_keys", null);
        for (JsonNode t : recent.path("data")) {
            for (JsonNode key : t.path("attachments").path("media_keys")) {
                if (key.asText().endsWith("_" + r.progress("media_id"))) {
                    return new Lookup.Found(t.path("id").asText(), "https://x.com/i/web/status/" + t.path("id").asText());
                }
            }
        }
        return new Lookup.Unknown("no post with media " + r.progress("media_id") + " among the 10 newest; X timelines"
                + " can lag, so Tagline does not post again on its own");
    }

    /** Cuts {@code text} to {@code max} twitter-text weighted characters (most Latin 1, CJK and emoji 2). */
    static String fit(String text, int max) {
        int weight = 0;
        StringBuilder out = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            int w = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247)
                    ? 1 : 2;
            if (weight + w > max) {
                break;
            }
            weight += w;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "X sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
