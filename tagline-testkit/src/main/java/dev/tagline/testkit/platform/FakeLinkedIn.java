package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LinkedIn Videos API + Posts API (publishing.md §7): every call needs {@code LinkedIn-Version: YYYYMM} (older than
 * 202506 is sunset) and {@code X-Restli-Protocol-Version: 2.0.0}; {@code initializeUpload} returns 4 MB upload
 * instructions; each part is PUT to its own URL and answers an ETag; {@code finalizeUpload} needs every ETag in
 * order; the video turns AVAILABLE; {@code POST /rest/posts} (commentary ≤ 3,000 characters, an AVAILABLE video used
 * once) answers 201 with the post URN in {@code x-restli-id}; {@code GET /rest/posts?q=author} lists the newest.
 */
public final class FakeLinkedIn extends FakeHttpServer {
    public static final int PART = 4 * 1024 * 1024;
    private final FakeOAuth oauth;
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final List<String[]> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(7000);
    private volatile boolean dropNextPostResponse;

    private static final class Video {
        final long size;
        final List<String> etags = new ArrayList<>();
        final Map<Integer, Integer> received = new ConcurrentHashMap<>();
        volatile String status = "WAITING_UPLOAD";
        volatile boolean used;

        Video(long size) {
            this.size = size;
        }
    }

    public FakeLinkedIn(Clock clock, String clientId, String clientSecret) {
        this.oauth = new FakeOAuth(clock, clientId, clientSecret);
    }

    public FakeOAuth oauth() {
        return oauth;
    }

    /** Post URNs that exist. */
    public int posts() {
        return posts.size();
    }

    public void dropNextPostResponse() {
        dropNextPostResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (path.startsWith("/upload/")) {
            part(ex, path.substring("/upload/".length()));
            return;
        }
        if (!oauth.authorized(ex)) {
            send(ex, 401, "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\"}");
            return;
        }
        String version = String.valueOf(ex.getRequestHeaders().getFirst("LinkedIn-Version"));
        if (!version.matches("20\\d{4}") || version.compareTo("202506") < 0
                || !"2.0.0".equals(ex.getRequestHeaders().getFirst("X-Restli-Protocol-Version"))) {
            send(ex, 426, "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version "
                    + version + " is not active\"}");
            return;
        }
        JsonNode body = json(body(ex));
        if (path.equals("/rest/videos") && "initializeUpload".equals(q.get("action"))) {
            long size = body.path("initializeUploadRequest").path("fileSizeBytes").asLong();
            String urn = "urn:li:video:D" + ids.incrementAndGet();
            videos.put(urn, new Video(size));
            StringBuilder parts = new StringBuilder();
            for (long first = 0, i = 0; first < size; first += PART, i++) {
                parts.append(i == 0 ? "" : ",").append("{\"uploadUrl\":\"").append(baseUrl()).append("/upload/")
                        .append(urn).append("/").append(i).append("\",\"firstByte\":").append(first)
                        .append(",\"lastByte\":").append(Math.min(size, first + PART) - 1).append("}");
            }
            send(ex, 200, "{\"value\":{\"video\":\"" + urn + "\",\"uploadToken\":\"\",\"uploadInstructions\":[" + parts
                    + "]}}");
        } else if (path.equals("/rest/videos") && "finalizeUpload".equals(q.get("action"))) {
            JsonNode req = body.path("finalizeUploadRequest");
            Video v = videos.get(req.path("video").asText());
            List<String> given = new ArrayList<>();
            req.path("uploadedPartIds").forEach(e -> given.add(e.asText()));
            if (v == null || !given.equals(v.etags) || v.received.values().stream().mapToLong(i -> i).sum() != v.size) {
                send(ex, 400, "{\"status\":400,\"message\":\"uploadedPartIds must list every part's ETag in order\"}");
                return;
            }
            v.status = "AVAILABLE";
            send(ex, 200, "{}");
        } else if (path.startsWith("/rest/videos/")) {
            Video v = videos.get(URLDecoder.decode(path.substring("/rest/videos/".length()), StandardCharsets.UTF_8));
            send(ex, v == null ? 404 : 200, v == null ? "{\"status\":404}" : "{\"status\":\"" + v.status + "\"}");
        } else if (path.equals("/rest/posts") && ex.getRequestMethod().equals("POST")) {
            post(ex, body);
        } else if (path.equals("/rest/posts") && "author".equals(q.get("q"))) {
            StringBuilder el = new StringBuilder();
            for (int i = posts.size() - 1; i >= 0 && i >= posts.size() - 10; i--) {
                el.append(el.length() == 0 ? "" : ",").append("{\"id\":\"").append(posts.get(i)[0])
                        .append("\",\"content\":{\"media\":{\"id\":\"").append(posts.get(i)[1]).append("\"}}}");
            }
            send(ex, 200, "{\"elements\":[" + el + "]}");
        } else {
            send(ex, 404, "{\"status\":404,\"message\":\"No resource " + path + "\"}");
        }
    }

    private void part(HttpExchange ex, String rest) throws IOException {
        int slash = rest.lastIndexOf('/');
        Video v = videos.get(rest.substring(0, slash));
        int index = Integer.parseInt(rest.substring(slash + 1));
        byte[] bytes = body(ex);
        long expected = v == null ? -1 : Math.min(v.size, (long) (index + 1) * PART) - (long) index * PART;
        if (v == null || !ex.getRequestMethod().equals("PUT") || bytes.length != expected) {
            send(ex, 400, "{\"message\":\"part " + index + " must be exactly " + expected + " bytes\"}");
            return;
        }
        synchronized (v) {
            String etag = "/ambry-video/" + rest.hashCode() + "-" + bytes.length;
            v.received.put(index, bytes.length);
            while (v.etags.size() <= index) {
                v.etags.add(null);
            }
            v.etags.set(index, etag);
            ex.getResponseHeaders().add("ETag", etag);
        }
        send(ex, 201, "");
    }

    private synchronized void post(HttpExchange ex, JsonNode b) throws IOException {
        Video v = videos.get(b.path("content").path("media").path("id").asText());
        if (b.path("commentary").asText().length() > 3000 || !"PUBLISHED".equals(b.path("lifecycleState").asText())
                || !b.path("author").asText().startsWith("urn:li:")) {
            send(ex, 422, "{\"status\":422,\"message\":\"author, commentary ≤ 3000 and lifecycleState required\"}");
            return;
        }
        if (v == null || !v.status.equals("AVAILABLE") || v.used) {
            send(ex, 400, "{\"status\":400,\"message\":\"media must be an AVAILABLE video not yet used\"}");
            return;
        }
        v.used = true;
        String urn = "urn:li:share:" + ids.incrementAndGet();
        posts.add(new String[] {urn, b.path("content").path("media").path("id").asText()});
        if (dropNextPostResponse) {
            dropNextPostResponse = false;
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("x-restli-id", urn);
        send(ex, 201, "");
    }
}
