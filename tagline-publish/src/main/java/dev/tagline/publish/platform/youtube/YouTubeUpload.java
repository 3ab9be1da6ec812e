package dev.tagline.publish.platform.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.PublishRequest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One resumable upload session of one post: open it, ask it how far it got, send byte ranges. */
final class YouTubeUpload {
    static final int GRANULARITY = 256 * 1024;
    private final PublishRequest r;
    private final long total;
    private final int chunk;

    YouTubeUpload(PublishRequest r) {
        this.r = r;
        this.total = r.media().sizeBytes();
        int kib = Integer.parseInt(r.channel().option("chunk-kib", "8192"));
        if (kib <= 0 || kib * 1024 % GRANULARITY != 0) {
            throw new TaglineException("Channel '" + r.channel().name() + "' option chunk-kib=" + kib
                    + " is not a multiple of 256", "YouTube takes chunks in multiples of 256 KiB; use e.g. 8192.");
        }
        this.chunk = kib * 1024;
    }

    long total() {
        return total;
    }

    String session() {
        String s = r.progress("session");
        return s == null || s.isBlank() ? null : s;
    }

    /** Where the session is: bytes received, or -1 when the upload is complete (the video id is then recorded). */
    long ensureSession() {
        if (session() != null) {
            HttpResponse<String> answer = query("upload");
            if (answer.statusCode() == 308) {
                return received(answer);
            }
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                r.checkpoint("external_id", YouTubePublisher.videoId(answer));
                return -1;
            }
            if (answer.statusCode() != 404) {
                r.http().check(request(session(), "*/" + total, new byte[0]), answer);
            }
        }
        HttpResponse<String> opened = r.http().sendRaw("upload", HttpRequest.newBuilder(URI.create(
                        YouTubePublisher.apiBase(r) + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"
                                + "&notifySubscribers=" + r.channel().option("notify-subscribers", "true")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + r.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(total))
                .header("X-Upload-Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofString(resource())).build());
        if (opened.statusCode() == 403 && opened.body().contains("quotaExceeded")) {
            throw PlatformException.quota("YouTube API quota exceeded for today (1,600 of 10,000 units per upload);"
                    + " waiting for midnight Pacific", YouTubePublisher.untilQuotaReset(r));
        }
        r.http().check(HttpRequest.newBuilder(URI.create(YouTubePublisher.apiBase(r))).build(), opened);
        String location = opened.headers().firstValue("Location").orElseThrow(() -> PlatformException.ambiguous(
                opened.statusCode(), "YouTube opened no upload session (no Location header)", null));
        r.checkpoint("session", location);
        return 0;
    }

    /** Sends {@code [from, to)} in chunks; each answer says where the session stands. */
    void sendChunks(long from, long to) {
        long offset = from;
        while (offset < to) {
            long end = Math.min(offset + chunk, to);
            HttpResponse<String> answer = putChunk("upload", offset, end);
            if (answer.statusCode() != 308) {
                throw PlatformException.ambiguous(answer.statusCode(), "YouTube answered " + answer.statusCode()
                        + " to a middle chunk", null);
            }
            offset = received(answer);
            r.checkpoint("offset", Long.toString(offset));
        }
    }

    /** The start of the last chunk: everything before it goes in whole chunks. */
    long finalChunkStart() {
        return total <= chunk ? 0 : ((total - 1) / chunk) * chunk;
    }

    HttpResponse<String> putChunk(String step, long start, long end) {
        byte[] bytes = new byte[(int) (end - start)];
        try (RandomAccessFile file = new RandomAccessFile(r.media().videoPath().toFile(), "r")) {
            file.seek(start);
            file.readFully(bytes);
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + r.media().videoPath() + ": " + e.getMessage(),
                    "The clip file changed or vanished; re-render and queue it again.", e);
        }
        HttpRequest request = request(session(), start + "-" + (end - 1) + "/" + total, bytes);
        return r.http().check(request, r.http().sendRaw(step, request));
    }

    HttpResponse<String> query(String step) {
        return r.http().sendRaw(step, request(session(), "*/" + total, new byte[0]));
    }

    private HttpRequest request(String session, String range, byte[] body) {
        return HttpRequest.newBuilder(URI.create(session)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + r.accessToken())
                .header("Content-Range", "bytes " + range)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** {@code Range: bytes=0-N} → N + 1; no header → 0. */
    static long received(HttpResponse<String> response) {
        return response.headers().firstValue("Range").map(v -> Long.parseLong(v.substring(v.indexOf('-') + 1)) + 1)
                .orElse(0L);
    }

    private String resource() {
        var copy = r.media().manifest().copyFor("youtube");
        ObjectNode root = YouTubePublisher.JSON.createObjectNode();
        ObjectNode snippet = root.putObject("snippet");
        String title = r.post().title() == null || r.post().title().isBlank()
                ? r.post().caption().lines().findFirst().orElse(r.media().manifest().id()) : r.post().title();
        snippet.put("title", title.length() > 100 ? title.substring(0, 99) + "…" : title);
        snippet.put("description", r.post().caption().replace('<', '‹').replace('>', '›'));
        ArrayNode tags = snippet.putArray("tags");
        if (copy.hashtags() != null) {
            copy.hashtags().forEach(tags::add);
        }
        snippet.put("categoryId", r.channel().option("category-id", "22"));
        ObjectNode status = root.putObject("status");
        String privacy = r.channel().option("privacy", "private");
        status.put("privacyStatus", privacy);
        status.put("selfDeclaredMadeForKids", false);
        if ("private".equals(privacy) && "true".equals(r.channel().option("native-schedule", "false"))
                && r.post().scheduledAt() != null && r.post().scheduledAt().isAfter(r.clock().instant())) {
            status.put("publishAt", r.post().scheduledAt().toString());
        }
        try {
            return YouTubePublisher.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }
}
