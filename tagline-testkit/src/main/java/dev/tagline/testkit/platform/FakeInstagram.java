package dev.tagline.testkit.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Instagram Graph API content publishing for Reels (publishing.md §4): {@code POST /{ig-user}/media} with
 * {@code media_type=REELS} and a {@code video_url} that the fake really downloads (an unreachable URL gives a container
 * in {@code ERROR}), container {@code status_code} IN_PROGRESS → FINISHED (→ EXPIRED after 24 h), {@code media_publish}
 * only for FINISHED containers and only once, the 50-posts-per-24-hours limit ({@code content_publishing_limit},
 * error 9 / 2207042), caption ≤ 2,200 characters and ≤ 30 hashtags, access tokens that expire (error 190).
 */
public final class FakeInstagram extends FakeHttpServer {
    private static final String V = "/v21.0/";
    private final Clock clock;
    private final String userId;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final List<Media> media = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(17_000);
    private final HttpClient downloader = HttpClient.newHttpClient();
    private volatile int limit = 50;
    private volatile boolean dropNextPublishResponse;

    /** A published Reel. */
    public record Media(String id, String containerId, String caption, Instant at, long bytes) {
    }

    private static final class Container {
        final String id;
        final String caption;
        final Instant created;
        volatile String status = "IN_PROGRESS";
        volatile long bytes;

        Container(String id, String caption, Instant created) {
            this.id = id;
            this.caption = caption;
            this.created = created;
        }
    }

    public FakeInstagram(Clock clock, String userId) {
        this.clock = clock;
        this.userId = userId;
    }

    public String grant(Duration validFor) {
        String token = "IGQV" + ids.incrementAndGet();
        tokens.put(token, clock.instant().plus(validFor));
        issued.put(token, clock.instant());
        return token;
    }

    public int refreshCount() {
        return refreshes.get();
    }

    /**
     * {@code GET /refresh_access_token?grant_type=ig_refresh_token&access_token=…} (graph.instagram.com): a live
     * long-lived token at least 24 hours old is exchanged for a new one valid 60 days.
     */
    private void refresh(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!"ig_refresh_token".equals(q.get("grant_type"))) {
            graphError(ex, 400, 100, 0, "Unsupported grant_type", "OAuthException");
            return;
        }
        if (issued.get(q.get("access_token")).plus(Duration.ofHours(24)).isAfter(clock.instant())) {
            graphError(ex, 400, 190, 0, "The access token must be at least 24 hours old to be refreshed",
                    "OAuthException");
            return;
        }
        refreshes.incrementAndGet();
        String next = grant(Duration.ofDays(60));
        send(ex, 200, "{\"access_token\":\"" + next + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + Duration.ofDays(60).toSeconds() + "}");
    }

    public List<Media> media() {
        return List.copyOf(media);
    }

    public void publishingLimit(int n) {
        this.limit = n;
    }

    /** The next media_publish publishes, then the connection drops before the answer. */
    public void dropNextPublishResponse() {
        dropNextPublishResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (ex.getRequestMethod().equals("POST")) {
            q.putAll(query(new String(body(ex), StandardCharsets.UTF_8)));
        }
        Instant expiry = tokens.get(q.getOrDefault("access_token", ""));
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            graphError(ex, 400, 190, 463, "Error validating access token: Session has expired.", "OAuthException");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/refresh_access_token") && method.equals("GET")) {
            refresh(ex, q);
        } else if (path.equals(V + userId + "/media") && method.equals("POST")) {
            create(ex, q);
        } else if (path.equals(V + userId + "/media_publish") && method.equals("POST")) {
            publish(ex, q.get("creation_id"));
        } else if (path.equals(V + userId + "/content_publishing_limit")) {
            send(ex, 200, "{\"data\":[{\"quota_usage\":" + recent() + ",\"config\":{\"quota_total\":" + limit
                    + ",\"quota_duration\":86400}}]}");
        } else if (path.equals(V + userId + "/media") && method.equals("GET")) {
            StringBuilder items = new StringBuilder();
            for (Media m : media) {
                items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(m.id()).append("\",\"caption\":")
                        .append(quote(m.caption())).append(",\"timestamp\":\"").append(m.at()).append("\"}");
            }
            send(ex, 200, "{\"data\":[" + items + "]}");
        } else if (path.startsWith(V) && containers.containsKey(path.substring(V.length()))) {
            Container c = containers.get(path.substring(V.length()));
            if (c.status.equals("FINISHED") && c.created.plus(Duration.ofHours(24)).isBefore(clock.instant())) {
                c.status = "EXPIRED";
            }
            send(ex, 200, "{\"id\":\"" + c.id + "\",\"status_code\":\"" + c.status + "\",\"status\":\"" + c.status + "\"}");
        } else if (path.startsWith(V) && media.stream().anyMatch(m -> path.endsWith("/" + m.id()))) {
            String id = path.substring(V.length());
            send(ex, 200, "{\"id\":\"" + id + "\",\"permalink\":\"https://www.instagram.com/reel/R" + id + "/\"}");
        } else {
            graphError(ex, 400, 100, 33, "Unsupported request: object does not exist or missing permissions",
                    "GraphMethodException");
        }
    }

    private void create(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!"REELS".equals(q.get("media_type"))) {
            graphError(ex, 400, 100, 2207089, "Carousel item cannot be published standalone (use media_type=REELS)",
                    "OAuthException");
            return;
        }
        String caption = q.getOrDefault("caption", "");
        long hashtags = caption.chars().filter(ch -> ch == '#').count();
        if (caption.length() > 2200 || hashtags > 30 || q.get("video_url") == null) {
            graphError(ex, 400, 100, 2207010, "video_url is required; caption ≤ 2,200 characters, ≤ 30 hashtags",
                    "OAuthException");
            return;
        }
        Container c = new Container(Integer.toString(ids.incrementAndGet()), caption, clock.instant());
        containers.put(c.id, c);
        try {
            HttpResponse<byte[]> video = downloader.send(HttpRequest.newBuilder(URI.create(q.get("video_url")))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            c.bytes = video.body().length;
            c.status = video.statusCode() == 200 && c.bytes > 0 ? "FINISHED" : "ERROR";
        } catch (IOException | IllegalArgumentException e) {
            c.status = "ERROR";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.status = "ERROR";
        }
        send(ex, 200, "{\"id\":\"" + c.id + "\"}");
    }

    private synchronized void publish(HttpExchange ex, String creationId) throws IOException {
        Container c = creationId == null ? null : containers.get(creationId);
        if (c == null || !c.status.equals("FINISHED")) {
            graphError(ex, 400, 9007, 2207027, "Media ID is not available: the media is not ready for publishing",
                    "OAuthException");
            return;
        }
        if (recent() >= limit) {
            graphError(ex, 400, 9, 2207042, "You reached maximum number of posts that is allowed to be published by"
                    + " Content Publishing API.", "OAuthException");
            return;
        }
        c.status = "PUBLISHED";
        Media m = new Media(Integer.toString(ids.incrementAndGet()), c.id, c.caption, clock.instant(), c.bytes);
        media.add(m);
        if (dropNextPublishResponse) {
            dropNextPublishResponse = false;
            ex.close();
            return;
        }
        send(ex, 200, "{\"id\":\"" + m.id() + "\"}");
    }

    private long recent() {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        return media.stream().filter(m -> m.at().isAfter(since)).count();
    }

    private static void graphError(HttpExchange ex, int status, int code, int subcode, String message, String type)
            throws IOException {
        send(ex, status, "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"error_subcode\":" + subcode + ",\"fbtrace_id\":\"Afake\"}}");
    }
}
