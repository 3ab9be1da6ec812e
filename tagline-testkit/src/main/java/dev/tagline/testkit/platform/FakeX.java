package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X API v2 (publishing.md §6): {@code /2/media/upload/initialize}, {@code /{id}/append} (multipart
 * {@code segment_index} + {@code media}, segments in order, ≤ 5 MB), {@code /{id}/finalize}, status polling, then
 * {@code POST /2/tweets} with the media id (text ≤ 280 weighted characters; a media id attaches once; 100 posts per
 * 15 minutes with {@code x-rate-limit-reset}), and {@code GET /2/users/{id}/tweets} for the newest posts.
 */
public final class FakeX extends FakeHttpServer {
    private final Clock clock;
    private final FakeOAuth oauth;
    private final String userId;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<Tweet> tweets = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_860_000_000_000_000_000L);
    private volatile boolean dropNextTweetResponse;
    private volatile int postsPer15Min = 100;

    /** A post on the fake X. */
    public record Tweet(String id, String text, String mediaId, Instant at) {
    }

    private static final class Upload {
        final long total;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int nextSegment;
        boolean finalized;
        boolean attached;

        Upload(long total) {
            this.total = total;
        }
    }

    public FakeX(Clock clock, String userId, String clientId, String clientSecret) {
        this.clock = clock;
        this.userId = userId;
        this.oauth = new FakeOAuth(clock, clientId, clientSecret);
    }

    public FakeOAuth oauth() {
        return oauth;
    }

    public List<Tweet> tweets() {
        return List.copyOf(tweets);
    }

    /** Lowers the 100-per-15-minutes user limit, to reach it in a test. */
    public void postsPer15Min(int n) {
        this.postsPer15Min = n;
    }

    public void dropNextTweetResponse() {
        dropNextTweetResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/2/oauth2/token")) {
            oauth.token(ex);
            return;
        }
        if (!oauth.authorized(ex)) {
            problem(ex, 401, "Unauthorized", "Unauthorized");
            return;
        }
        byte[] body = body(ex);
        if (path.equals("/2/media/upload/initialize")) {
            JsonNode b = json(body);
            if (b == null || !"video/mp4".equals(b.path("media_type").asText()) || b.path("total_bytes").asLong() <= 0
                    || !"tweet_video".equals(b.path("media_category").asText())) {
                problem(ex, 400, "Invalid Request", "media_type video/mp4, total_bytes and media_category tweet_video");
                return;
            }
            String id = Long.toString(ids.incrementAndGet());
            uploads.put(id, new Upload(b.path("total_bytes").asLong()));
            send(ex, 200, "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"7_" + id + "\",\"expires_after_secs\":86400}}");
        } else if (path.matches("/2/media/upload/\\d+/append")) {
            append(ex, uploads.get(path.split("/")[4]), body);
        } else if (path.matches("/2/media/upload/\\d+/finalize")) {
            Upload u = uploads.get(path.split("/")[4]);
            if (u == null || u.bytes.size() != u.total) {
                problem(ex, 400, "Invalid Request", "finalize before all " + (u == null ? 0 : u.total) + " bytes arrived");
                return;
            }
            u.finalized = true;
            send(ex, 200, "{\"data\":{\"id\":\"" + path.split("/")[4] + "\",\"processing_info\":{\"state\":\"succeeded\"}}}");
        } else if (path.equals("/2/media/upload") && ex.getRequestMethod().equals("GET")) {
            Upload u = uploads.get(query(ex.getRequestURI().getRawQuery()).get("media_id"));
            send(ex, 200, "{\"data\":{\"processing_info\":{\"state\":\"" + (u != null && u.finalized ? "succeeded"
                    : "failed") + "\"}}}");
        } else if (path.equals("/2/tweets") && ex.getRequestMethod().equals("POST")) {
            tweet(ex, json(body));
        } else if (path.equals("/2/users/" + userId + "/tweets")) {
            StringBuilder data = new StringBuilder();
            for (int i = tweets.size() - 1; i >= 0 && i >= tweets.size() - 10; i--) {
                Tweet t = tweets.get(i);
                data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(t.id()).append("\",\"text\":")
                        .append(quote(t.text())).append(",\"attachments\":{\"media_keys\":[\"7_").append(t.mediaId())
                        .append("\"]}}");
            }
            send(ex, 200, "{\"data\":[" + data + "]}");
        } else {
            problem(ex, 404, "Not Found", path);
        }
    }

    private void append(HttpExchange ex, Upload u, byte[] body) throws IOException {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (u == null || !type.startsWith("multipart/form-data; boundary=")) {
            problem(ex, 400, "Invalid Request", "multipart/form-data with segment_index and media expected");
            return;
        }
        String boundary = "--" + type.substring(type.indexOf('=') + 1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int segment = Integer.parseInt(text.replaceAll("(?s).*name=\"segment_index\"\r\n\r\n(\\d+)\r\n.*", "$1"));
        int start = text.indexOf("\r\n\r\n", text.indexOf("name=\"media\"")) + 4;
        int end = text.lastIndexOf("\r\n" + boundary);
        synchronized (u) {
            if (segment != u.nextSegment || end - start > 5 * 1024 * 1024 || u.finalized) {
                problem(ex, 400, "Invalid Request", "segment " + segment + " out of order (expected " + u.nextSegment
                        + ") or over 5 MB");
                return;
            }
            u.bytes.write(body, start, end - start);
            u.nextSegment++;
        }
        send(ex, 200, "{\"data\":{\"expires_at\":" + (clock.instant().getEpochSecond() + 86400) + "}}");
    }

    private synchronized void tweet(HttpExchange ex, JsonNode b) throws IOException {
        String text = b == null ? "" : b.path("text").asText("");
        String mediaId = b == null ? "" : b.path("media").path("media_ids").path(0).asText("");
        Upload u = uploads.get(mediaId);
        Instant window = clock.instant().minus(Duration.ofMinutes(15));
        if (tweets.stream().filter(t -> t.at().isAfter(window)).count() >= postsPer15Min) {
            ex.getResponseHeaders().add("x-rate-limit-reset", Long.toString(clock.instant().plusSeconds(900)
                    .getEpochSecond()));
            problem(ex, 429, "Too Many Requests", "Too Many Requests");
        } else if (weighted(text) > 280) {
            problem(ex, 400, "Invalid Request", "text is longer than 280 weighted characters");
        } else if (u == null || !u.finalized || u.attached) {
            problem(ex, 400, "Invalid Request", "media_ids must name a finalized upload not yet used");
        } else {
            u.attached = true;
            Tweet t = new Tweet(Long.toString(ids.incrementAndGet()), text, mediaId, clock.instant());
            tweets.add(t);
            if (dropNextTweetResponse) {
                dropNextTweetResponse = false;
                ex.close();
                return;
            }
            send(ex, 201, "{\"data\":{\"id\":\"" + t.id() + "\",\"text\":" + quote(text) + "}}");
        }
    }

    /** twitter-text weighting: most Latin, punctuation and symbols weigh 1, everything else (CJK, emoji) 2. */
    public static int weighted(String text) {
        return text.codePoints().map(cp -> cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
                || (cp >= 8242 && cp <= 8247) ? 1 : 2).sum();
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        send(ex, status, "{\"title\":" + quote(title) + ",\"detail\":" + quote(detail) + ",\"type\":"
                + "\"about:blank\",\"status\":" + status + "}");
    }
}
