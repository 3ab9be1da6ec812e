package dev.tagline.testkit.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Facebook Reels Publishing API for a Page (publishing.md §5): {@code video_reels?upload_phase=start}, binary upload to
 * the {@code rupload} URL with {@code Authorization: OAuth}, {@code offset} and {@code file_size} headers (an offset
 * other than the bytes received is refused), {@code GET /{video_id}?fields=status} with the upload, processing and
 * publishing phases, {@code upload_phase=finish&video_state=PUBLISHED} only once the upload is complete and only once,
 * and 30 Reels per Page per 24 h (error 9 / 2207042 like the rest of the Graph API).
 */
public final class FakeFacebookReels extends FakeHttpServer {
    private static final String V = "/v21.0/";
    private final Clock clock;
    private final String pageId;
    private final String pageToken;
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final List<Instant> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(900);
    private volatile boolean dropNextFinishResponse;

    private static final class Video {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile long size = -1;
        volatile boolean published;
    }

    public FakeFacebookReels(Clock clock, String pageId, String pageToken) {
        this.clock = clock;
        this.pageId = pageId;
        this.pageToken = pageToken;
    }

    public int reels() {
        return published.size();
    }

    public void dropNextFinishResponse() {
        dropNextFinishResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (path.startsWith("/video-upload" + V)) {
            upload(ex, path.substring(("/video-upload" + V).length()));
            return;
        }
        if (ex.getRequestMethod().equals("POST")) {
            q.putAll(query(new String(body(ex), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (!pageToken.equals(q.get("access_token"))) {
            error(ex, 190, 460, "Error validating access token: the Page token is invalid.");
            return;
        }
        if (path.equals(V + pageId + "/video_reels") && "start".equals(q.get("upload_phase"))) {
            String id = Integer.toString(ids.incrementAndGet());
            videos.put(id, new Video());
            send(ex, 200, "{\"video_id\":\"" + id + "\",\"upload_url\":\"" + baseUrl() + "/video-upload" + V + id + "\"}");
        } else if (path.equals(V + pageId + "/video_reels") && "finish".equals(q.get("upload_phase"))) {
            finish(ex, q);
        } else if (path.startsWith(V) && videos.containsKey(path.substring(V.length()))) {
            Video v = videos.get(path.substring(V.length()));
            boolean uploaded = v.size >= 0 && v.bytes.size() == v.size;
            send(ex, 200, "{\"status\":{\"video_status\":\"" + (v.published ? "ready" : uploaded ? "upload_complete"
                    : "uploading") + "\",\"uploading_phase\":{\"status\":\"" + (uploaded ? "complete" : "in_progress")
                    + "\",\"bytes_transferred\":" + v.bytes.size() + "},\"processing_phase\":{\"status\":\""
                    + (v.published ? "complete" : "not_started") + "\"},\"publishing_phase\":{\"status\":\""
                    + (v.published ? "complete" : "not_started") + "\",\"publish_status\":\"" + (v.published
                    ? "published" : "not_published") + "\"}}}");
        } else {
            error(ex, 100, 33, "Unsupported request: object does not exist");
        }
    }

    private void upload(HttpExchange ex, String id) throws IOException {
        Video v = videos.get(id);
        byte[] body = body(ex);
        if (v == null || !("OAuth " + pageToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"debug_info\":{\"type\":\"AuthError\",\"message\":\"Invalid upload session or token\"}}");
            return;
        }
        synchronized (v) {
            long offset = Long.parseLong(String.valueOf(ex.getRequestHeaders().getFirst("offset")));
            long size = Long.parseLong(String.valueOf(ex.getRequestHeaders().getFirst("file_size")));
            if (offset != v.bytes.size() || (v.size >= 0 && size != v.size) || offset + body.length > size) {
                send(ex, 400, "{\"debug_info\":{\"type\":\"OffsetInvalidError\",\"message\":\"offset must be "
                        + v.bytes.size() + "\"}}");
                return;
            }
            v.size = size;
            v.bytes.write(body);
        }
        send(ex, 200, "{\"success\":true}");
    }

    private synchronized void finish(HttpExchange ex, Map<String, String> q) throws IOException {
        Video v = videos.get(String.valueOf(q.get("video_id")));
        if (v == null || v.size < 0 || v.bytes.size() != v.size || v.published) {
            error(ex, 100, 1363030, v != null && v.published ? "This video has already been published"
                    : "The video upload is not complete");
            return;
        }
        if (!"PUBLISHED".equals(q.get("video_state"))) {
            error(ex, 100, 0, "video_state must be PUBLISHED, DRAFT or SCHEDULED");
            return;
        }
        Instant since = clock.instant().minus(Duration.ofHours(24));
        if (published.stream().filter(t -> t.isAfter(since)).count() >= 30) {
            error(ex, 9, 2207042, "The Page reached 30 API-published Reels in 24 hours.");
            return;
        }
        v.published = true;
        published.add(clock.instant());
        if (dropNextFinishResponse) {
            dropNextFinishResponse = false;
            ex.close();
            return;
        }
        send(ex, 200, "{\"success\":true}");
    }

    private static void error(HttpExchange ex, int code, int subcode, String message) throws IOException {
        send(ex, 400, "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_subcode\":" + subcode + "}}");
    }
}
