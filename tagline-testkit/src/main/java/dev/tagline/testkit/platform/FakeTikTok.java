package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok Content Posting API, Direct Post with FILE_UPLOAD (publishing.md §3): {@code creator_info/query},
 * {@code video/init}, sequential {@code PUT} chunks to the upload URL, {@code status/fetch}. Enforced: bearer tokens,
 * per-token rate limits (creator info 20/min, init 6/min, status 30/min → 429 {@code rate_limit_exceeded}), the chunk
 * rules (5–64 MB chunks, files under 5 MB whole, {@code total_chunk_count = floor(size / chunk)}, the last chunk
 * absorbs the remainder up to 128 MB, chunks in order), unaudited apps posting {@code SELF_ONLY} only, privacy levels
 * from creator info, the title limit (2,200 UTF-16 units) and a creator daily cap ({@code spam_risk_too_many_posts}).
 * The post exists once the last byte arrives; status moves PROCESSING_UPLOAD → PROCESSING_DOWNLOAD → PUBLISH_COMPLETE.
 */
public final class FakeTikTok extends FakeHttpServer {
    public static final long MB = 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private final Clock clock;
    private final FakeOAuth oauth;
    private final Map<String, Publish> publishes = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> calls = new ConcurrentHashMap<>();
    private final List<String> posts = new CopyOnWriteArrayList<>();
    /** Publishes initialised per 24 h count against the creator's cap, like the real one. */
    private final List<Instant> postTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean audited;
    private volatile int dailyCap = 15;
    private volatile int processingPolls;
    private volatile boolean dropNextFinalResponse;

    private static final class Publish {
        final String id;
        final long size;
        final long chunk;
        final int count;
        long received;
        int chunksReceived;
        int polls;
        String postId;

        Publish(String id, long size, long chunk, int count) {
            this.id = id;
            this.size = size;
            this.chunk = chunk;
            this.count = count;
        }
    }

    public FakeTikTok(Clock clock, String clientKey, String clientSecret) {
        this.clock = clock;
        this.oauth = new FakeOAuth(clock, clientKey, clientSecret);
        oauth.rotateRefreshTokens(true);
    }

    public FakeOAuth oauth() {
        return oauth;
    }

    /** Published post ids. */
    public List<String> posts() {
        return List.copyOf(posts);
    }

    /** Posts a creator may make in 24 hours before {@code spam_risk_too_many_posts}. */
    public void dailyCap(int cap) {
        this.dailyCap = cap;
    }

    /** Status polls that answer PROCESSING_DOWNLOAD before PUBLISH_COMPLETE (default 0). */
    public void processingPolls(int n) {
        this.processingPolls = n;
    }

    /** The next upload that completes creates its post, then the connection drops before the answer. */
    public void dropNextFinalResponse() {
        dropNextFinalResponse = true;
    }

    public void audited(boolean on) {
        this.audited = on;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/v2/oauth/token/")) {
            oauth.token(ex);
            return;
        }
        if (path.startsWith("/upload/")) {
            upload(ex, path.substring("/upload/".length()));
            return;
        }
        if (!oauth.authorized(ex)) {
            error(ex, 401, "access_token_invalid", "The access token is invalid or not found in the request.");
            return;
        }
        String token = ex.getRequestHeaders().getFirst("Authorization");
        JsonNode body = json(body(ex));
        switch (path) {
            case "/v2/post/publish/creator_info/query/" -> {
                if (limited(ex, token + path, 20)) {
                    return;
                }
                ok(ex, "{\"creator_nickname\":\"Fake Creator\",\"creator_username\":\"fake\",\"privacy_level_options\":"
                        + (audited ? "[\"PUBLIC_TO_EVERYONE\",\"MUTUAL_FOLLOW_FRIENDS\",\"SELF_ONLY\"]" : "[\"SELF_ONLY\"]")
                        + ",\"comment_disabled\":false,\"duet_disabled\":false,\"stitch_disabled\":true,"
                        + "\"max_video_post_duration_sec\":600}");
            }
            case "/v2/post/publish/video/init/" -> {
                if (!limited(ex, token + path, 6)) {
                    init(ex, body);
                }
            }
            case "/v2/post/publish/status/fetch/" -> {
                if (!limited(ex, token + path, 30)) {
                    status(ex, body);
                }
            }
            default -> error(ex, 404, "not_found", "No such endpoint " + path);
        }
    }

    private void init(HttpExchange ex, JsonNode body) throws IOException {
        JsonNode post = body == null ? null : body.path("post_info");
        JsonNode source = body == null ? null : body.path("source_info");
        if (post == null || !post.path("privacy_level").isTextual()) {
            error(ex, 400, "invalid_params", "post_info.privacy_level is required");
            return;
        }
        if (post.path("title").asText("").length() > 2200) {
            error(ex, 400, "invalid_params", "post_info.title is longer than 2200 characters");
            return;
        }
        if (!audited && !post.path("privacy_level").asText().equals("SELF_ONLY")) {
            error(ex, 403, "unaudited_client_can_only_post_to_private_accounts",
                    "Unaudited clients can only post to private accounts (SELF_ONLY).");
            return;
        }
        if (!"FILE_UPLOAD".equals(source.path("source").asText())) {
            error(ex, 400, "invalid_params", "source_info.source must be FILE_UPLOAD here");
            return;
        }
        long size = source.path("video_size").asLong();
        long chunk = source.path("chunk_size").asLong();
        int count = source.path("total_chunk_count").asInt();
        String problem = size <= 0 ? "video_size is required"
                : size < 5 * MB && (chunk != size || count != 1) ? "files under 5 MB go whole: chunk_size = video_size"
                + " and total_chunk_count = 1"
                : size >= 5 * MB && (chunk < 5 * MB || chunk > 64 * MB) ? "chunk_size must be 5–64 MB"
                : size >= 5 * MB && count != size / chunk ? "total_chunk_count must be floor(video_size / chunk_size)"
                + " = " + size / chunk
                : count < 1 || count > 1000 ? "total_chunk_count must be 1–1000"
                : size - (count - 1) * chunk > 128 * MB ? "the last chunk may hold at most 128 MB" : null;
        if (problem != null) {
            error(ex, 400, "invalid_params", problem);
            return;
        }
        if (!countedAgainstDailyCap()) {
            error(ex, 403, "spam_risk_too_many_posts", "The creator has reached the daily post cap.");
            return;
        }
        String id = "v_pub_file~v2-1." + ids.incrementAndGet();
        publishes.put(id, new Publish(id, size, chunk, count));
        ok(ex, "{\"publish_id\":\"" + id + "\",\"upload_url\":\"" + baseUrl() + "/upload/" + id + "\"}");
    }

    /**
     * Counts one more post in the last 24 hours unless the cap is reached: one step, so that two uploads started at
     * once cannot both take the last place (the platform enforces its cap the same way).
     */
    private boolean countedAgainstDailyCap() {
        synchronized (postTimes) {
            Instant now = clock.instant();
            long last24h = postTimes.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(24)))).count();
            if (last24h >= dailyCap) {
                return false;
            }
            postTimes.add(now);
            return true;
        }
    }

    private void upload(HttpExchange ex, String id) throws IOException {
        Publish p = publishes.get(id);
        byte[] bytes = body(ex);
        if (p == null || !ex.getRequestMethod().equals("PUT")) {
            error(ex, 404, "not_found", "upload URL unknown or expired");
            return;
        }
        synchronized (p) {
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Content-Range")));
            if (!m.matches() || !"video/mp4".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                error(ex, 400, "invalid_params", "Content-Type video/mp4 and Content-Range bytes FIRST-LAST/TOTAL needed");
                return;
            }
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            boolean lastChunk = p.chunksReceived == p.count - 1;
            long expected = lastChunk ? p.size - first : p.chunk;
            if (p.postId != null) {
                send(ex, 201, "");
                return;
            }
            if (first != p.received || Long.parseLong(m.group(3)) != p.size || last - first + 1 != bytes.length
                    || bytes.length != expected) {
                error(ex, 400, "invalid_params", "chunk " + (p.chunksReceived + 1) + " must be bytes " + p.received + "-"
                        + (p.received + expected - 1) + "/" + p.size + " (chunks are sequential)");
                return;
            }
            p.received += bytes.length;
            p.chunksReceived++;
            if (p.received == p.size) {
                p.postId = "7" + (300000000L + ids.incrementAndGet());
                posts.add(p.postId);
                if (dropNextFinalResponse) {
                    dropNextFinalResponse = false;
                    ex.close();
                    return;
                }
                send(ex, 201, "");
            } else {
                send(ex, 206, "");
            }
        }
    }

    private void status(HttpExchange ex, JsonNode body) throws IOException {
        Publish p = publishes.get(body == null ? "" : body.path("publish_id").asText());
        if (p == null) {
            error(ex, 400, "invalid_publish_id", "publish_id not found");
            return;
        }
        synchronized (p) {
            String status = p.postId == null ? "PROCESSING_UPLOAD" : p.polls++ < processingPolls ? "PROCESSING_DOWNLOAD"
                    : "PUBLISH_COMPLETE";
            ok(ex, "{\"status\":\"" + status + "\",\"uploaded_bytes\":" + p.received + ",\"publicaly_available_post_id\":"
                    + ("PUBLISH_COMPLETE".equals(status) ? "[" + p.postId + "]" : "[]") + "}");
        }
    }

    /** Per-token rate limit per minute on the injected clock. */
    private boolean limited(HttpExchange ex, String key, int perMinute) throws IOException {
        Instant now = clock.instant();
        List<Instant> recent = calls.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        long wait;
        synchronized (recent) { // count and record in one step, as the platform does
            recent.removeIf(t -> t.isBefore(now.minus(Duration.ofMinutes(1))));
            if (recent.size() < perMinute) {
                recent.add(now);
                return false;
            }
            wait = Math.max(1, Duration.between(now, recent.get(0).plus(Duration.ofMinutes(1))).toSeconds());
        }
        ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
        error(ex, 429, "rate_limit_exceeded", "Too many requests for this endpoint; at most " + perMinute + "/min.");
        return true;
    }

    private static void ok(HttpExchange ex, String data) throws IOException {
        send(ex, 200, "{\"data\":" + data + ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"log1\"}}");
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":" + quote(message)
                + ",\"log_id\":\"log1\"}}");
    }
}
