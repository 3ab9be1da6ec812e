package dev.tagline.publish.platform.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * LinkedIn (publishing.md §7): Videos API {@code initializeUpload}, each part PUT to its own URL keeping the ETags,
 * {@code finalizeUpload}, status until AVAILABLE ({@link #upload}, retry-safe; a refused part restarts the upload);
 * then {@code POST /rest/posts} ({@link #create}). Like X, LinkedIn can only be asked for an author's newest posts, so
 * {@link #find} answers Found or Unknown, never a guessed "not found".
 */
public final class LinkedInPublisher implements Publisher {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void upload(PublishRequest r) {
        if (r.progress("video") == null || r.progress("video").isEmpty()) {
            ObjectNode init = JSON.createObjectNode();
            init.putObject("initializeUploadRequest").put("owner", r.channel().account())
                    .put("fileSizeBytes", r.media().sizeBytes()).put("uploadCaptions", false).put("uploadThumbnail", false);
            JsonNode value = parse(call(r, "upload", "POST", "/rest/videos?action=initializeUpload", init.toString())
                    .body()).path("value");
            r.checkpoint("instructions", value.path("uploadInstructions").toString());
            r.checkpoint("upload_token", value.path("uploadToken").asText(""));
            r.checkpoint("etags", "[]");
            r.checkpoint("finalized", "false");
            r.checkpoint("video", value.path("video").asText());
        }
        try {
            if (!"true".equals(r.progress("finalized"))) {
                sendParts(r);
                ObjectNode fin = JSON.createObjectNode();
                ObjectNode req = fin.putObject("finalizeUploadRequest");
                req.put("video", r.progress("video")).put("uploadToken", r.progress("upload_token"));
                req.set("uploadedPartIds", parse(r.progress("etags")));
                call(r, "upload", "POST", "/rest/videos?action=finalizeUpload", fin.toString());
                r.checkpoint("finalized", "true");
            }
        } catch (PlatformException e) {
            if (e.kind() != PlatformException.Kind.PERMANENT) {
                throw e;
            }
            r.checkpoint("video", "");
            throw PlatformException.pending("LinkedIn refused the upload (" + e.getMessage() + "); starting again",
                    Duration.ZERO);
        }
        String status = parse(call(r, "upload", "GET", "/rest/videos/" + URLEncoder.encode(r.progress("video"),
                StandardCharsets.UTF_8), null).body()).path("status").asText();
        if (status.equals("PROCESSING_FAILED")) {
            throw PlatformException.permanent(null, "LinkedIn could not process video " + r.progress("video"));
        }
        if (!status.equals("AVAILABLE")) {
            throw PlatformException.pending("LinkedIn video " + r.progress("video") + " is " + status,
                    Duration.ofSeconds(10));
        }
    }

    private void sendParts(PublishRequest r) {
        JsonNode parts = parse(r.progress("instructions"));
        ArrayNode etags = (ArrayNode) parse(r.progress("etags"));
        for (int i = etags.size(); i < parts.size(); i++) {
            JsonNode part = parts.get(i);
            long first = part.path("firstByte").asLong();
            byte[] bytes = new byte[(int) (part.path("lastByte").asLong() - first + 1)];
            try (RandomAccessFile file = new RandomAccessFile(r.media().videoPath().toFile(), "r")) {
                file.seek(first);
                file.readFully(bytes);
            } catch (IOException e) {
                throw PlatformException.permanent(null, "Cannot read " + r.media().videoPath() + ": " + e.getMessage());
            }
            HttpResponse<String> answer = r.http().send("upload", HttpRequest.newBuilder(URI.create(part.path(
                    "uploadUrl").asText())).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
            etags.add(answer.headers().firstValue("ETag").orElseThrow(() -> PlatformException.ambiguous(
                    answer.statusCode(), "LinkedIn sent no ETag for part " + part.path("firstByte"), null)));
            r.checkpoint("etags", etags.toString());
        }
    }

    @Override
    public Created create(PublishRequest r) {
        ObjectNode post = JSON.createObjectNode();
        post.put("author", r.channel().account());
        String text = r.post().caption();
        post.put("commentary", text.length() > 3000 ? text.substring(0, 3000) : text);
        post.put("visibility", "PUBLIC");
        ObjectNode dist = post.putObject("distribution");
        dist.put("feedDistribution", "MAIN_FEED");
        dist.putArray("targetEntities");
        dist.putArray("thirdPartyDistributionChannels");
        post.putObject("content").putObject("media").put("id", r.progress("video")).put("title",
                r.post().title() == null ? r.media().manifest().id() : r.post().title());
        post.put("lifecycleState", "PUBLISHED");
        post.put("isReshareDisabledByAuthor", false);
        HttpResponse<String> answer = call(r, "create", "POST", "/rest/posts", post.toString());
        String urn = answer.headers().firstValue("x-restli-id").orElseThrow(() -> PlatformException.ambiguous(
                answer.statusCode(), "LinkedIn accepted the post but sent no x-restli-id", null));
        return new Created(urn, "https://www.linkedin.com/feed/update/" + urn);
    }

    @Override
    public Outcome status(PublishRequest r) {
        return new Outcome.Published(r.progress("external_id"), r.progress("external_url"));
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (!"true".equals(r.progress("finalized"))) {
            return new Lookup.NotFound("the video was never finalized, so no post can carry it");
        }
        JsonNode list = parse(call(r, "reconcile", "GET", "/rest/posts?q=author&count=10&author=" + URLEncoder.encode(
                r.channel().account(), StandardCharsets.UTF_8), null).body());
        for (JsonNode p : list.path("elements")) {
            if (p.path("content").path("media").path("id").asText().equals(r.progress("video"))) {
                return new Lookup.Found(p.path("id").asText(), "https://www.linkedin.com/feed/update/"
                        + p.path("id").asText());
            }
        }
        return new Lookup.Unknown("no post with video " + r.progress("video") + " among the author's 10 newest");
    }

    private static HttpResponse<String> call(PublishRequest r, String step, String method, String path, String body) {
        String base = r.channel().option("api-base", "https://api.linkedin.com").replaceAll("/+$", "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + r.accessToken())
                .header("LinkedIn-Version", r.channel().option("linkedin-version", "202601"))
                .header("X-Restli-Protocol-Version", "2.0.0");
        return r.http().send(step, method.equals("GET") ? b.GET().build()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "LinkedIn sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
