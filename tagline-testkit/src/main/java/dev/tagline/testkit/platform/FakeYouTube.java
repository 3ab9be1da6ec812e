package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube Data API v3 {@code videos.insert} with the resumable upload protocol (publishing.md §2), enforcing what the
 * real one does: bearer tokens that expire, required {@code snippet.title} (≤ 100 chars), description ≤ 5,000 bytes
 * without {@code < >}, tags ≤ 500 chars, {@code publishAt} only for private videos, {@code X-Upload-Content-Length},
 * chunks that are multiples of 256 KiB except the last, {@code Content-Range} that continues where the session is,
 * {@code 308 Resume Incomplete} with {@code Range}, status queries with {@code bytes *}/total, and the project quota
 * (1,600 of 10,000 units per insert, reset at midnight Pacific). The video exists only when the last byte lands.
 * Longer than the usual 200 lines: the protocol's rules stay together so they can be read against the docs.
 */
public final class FakeYouTube extends FakeHttpServer {
    public static final int CHUNK_GRANULARITY = 256 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern QUERY_RANGE = Pattern.compile("bytes \\*/(\\d+)");
    private final Clock clock;
    private final FakeOAuth oauth;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final Map<LocalDate, Integer> unitsByDay = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean dropNextFinalResponse;

    /** A video that exists on the fake platform. */
    public record Video(String id, String title, String privacyStatus, String publishAt, int bytes) {
    }

    private static final class Session {
        final String id;
        final JsonNode resource;
        final long total;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile Video video;

        Session(String id, JsonNode resource, long total) {
            this.id = id;
            this.resource = resource;
            this.total = total;
        }
    }

    public FakeYouTube(Clock clock, String clientId, String clientSecret) {
        this.clock = clock;
        this.oauth = new FakeOAuth(clock, clientId, clientSecret);
    }

    public FakeOAuth oauth() {
        return oauth;
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    /** The next upload that completes creates its video, then the connection drops before the answer. */
    public void dropNextFinalResponse() {
        dropNextFinalResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/token") && method.equals("POST")) {
            oauth.token(ex);
        } else if (path.equals("/upload/youtube/v3/videos") && method.equals("POST")) {
            init(ex);
        } else if (path.equals("/upload/youtube/v3/videos") && method.equals("PUT")) {
            put(ex);
        } else if (path.equals("/youtube/v3/videos") && method.equals("GET")) {
            list(ex);
        } else {
            send(ex, 404, googleError(404, "notFound", "No such endpoint " + method + " " + path));
        }
    }

    private void init(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (!oauth.authorized(ex)) {
            send(ex, 401, googleError(401, "authError", "Request had invalid authentication credentials."));
            return;
        }
        if (!"resumable".equals(q.get("uploadType")) || !q.getOrDefault("part", "").contains("snippet")) {
            send(ex, 400, googleError(400, "invalidParameter", "uploadType=resumable and part=snippet,status needed"));
            return;
        }
        String length = ex.getRequestHeaders().getFirst("X-Upload-Content-Length");
        String type = ex.getRequestHeaders().getFirst("X-Upload-Content-Type");
        if (length == null || type == null || !(type.startsWith("video/") || type.equals("application/octet-stream"))) {
            send(ex, 400, googleError(400, "badContent", "X-Upload-Content-Length and a video/* X-Upload-Content-Type"
                    + " are required"));
            return;
        }
        JsonNode resource = json(body(ex));
        String problem = validate(resource);
        if (problem != null) {
            send(ex, 400, googleError(400, problem, "The request metadata is invalid: " + problem));
            return;
        }
        LocalDate day = clock.instant().atZone(ZoneId.of("America/Los_Angeles")).toLocalDate();
        // check and charge in one step: two uploads started at once cannot both take the last 1,600 units
        boolean[] charged = {false};
        unitsByDay.compute(day, (d, used) -> {
            int before = used == null ? 0 : used;
            charged[0] = before + 1600 <= 10_000;
            return charged[0] ? before + 1600 : before;
        });
        if (!charged[0]) {
            send(ex, 403, googleError(403, "quotaExceeded", "The request cannot be completed because you have"
                    + " exceeded your quota."));
            return;
        }
        String id = "up-" + ids.incrementAndGet();
        sessions.put(id, new Session(id, resource, Long.parseLong(length)));
        ex.getResponseHeaders().add("Location", baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id="
                + id);
        send(ex, 200, "");
    }

    static String validate(JsonNode r) {
        if (r == null) {
            return "parseError";
        }
        String title = r.path("snippet").path("title").asText("");
        if (title.isBlank() || title.length() > 100) {
            return "invalidTitle";
        }
        String description = r.path("snippet").path("description").asText("");
        if (description.getBytes(StandardCharsets.UTF_8).length > 5000 || description.matches("(?s).*[<>].*")) {
            return "invalidDescription";
        }
        int tagChars = 0;
        for (JsonNode tag : r.path("snippet").path("tags")) {
            tagChars += tag.asText().length();
        }
        if (tagChars > 500) {
            return "invalidTags";
        }
        String privacy = r.path("status").path("privacyStatus").asText("public");
        if (!List.of("public", "unlisted", "private").contains(privacy)) {
            return "invalidPrivacyStatus";
        }
        if (r.path("status").has("publishAt") && !privacy.equals("private")) {
            return "invalidPublishAt";
        }
        return null;
    }

    private void put(HttpExchange ex) throws IOException {
        Session s = sessions.get(query(ex.getRequestURI().getRawQuery()).get("upload_id"));
        if (s == null) {
            send(ex, 404, googleError(404, "notFound", "Upload session not found or expired"));
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Content-Range");
        byte[] chunk = body(ex);
        synchronized (s) {
            Matcher query = range == null ? null : QUERY_RANGE.matcher(range);
            if (query != null && query.matches()) {
                answer(ex, s);
                return;
            }
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m == null || !m.matches()) {
                send(ex, 400, googleError(400, "badRequest", "Content-Range bytes FIRST-LAST/TOTAL is required"));
                return;
            }
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = Long.parseLong(m.group(3));
            if (s.video != null) {
                answer(ex, s);
                return;
            }
            String problem = total != s.total ? "total " + total + " differs from X-Upload-Content-Length " + s.total
                    : first != s.bytes.size() ? "chunk starts at " + first + " but the session has " + s.bytes.size()
                    + " bytes; query the status and resume"
                    : last - first + 1 != chunk.length ? "Content-Range covers " + (last - first + 1) + " bytes, body has "
                    + chunk.length
                    : last + 1 < total && chunk.length % CHUNK_GRANULARITY != 0 ? "chunk of " + chunk.length
                    + " bytes is not a multiple of 256 KiB" : null;
            if (problem != null) {
                send(ex, 400, googleError(400, "badRequest", problem));
                return;
            }
            s.bytes.write(chunk);
            if (s.bytes.size() == s.total) {
                s.video = create(s);
                if (dropNextFinalResponse) {
                    dropNextFinalResponse = false;
                    ex.close();
                    return;
                }
            }
            answer(ex, s);
        }
    }

    private Video create(Session s) {
        JsonNode st = s.resource.path("status");
        Video v = new Video("vid" + ids.incrementAndGet(), s.resource.path("snippet").path("title").asText(),
                st.path("privacyStatus").asText("public"), st.path("publishAt").asText(null), s.bytes.size());
        videos.add(v);
        return v;
    }

    private void answer(HttpExchange ex, Session s) throws IOException {
        if (s.video != null) {
            send(ex, 201, resource(s.video, "uploaded"));
        } else {
            if (s.bytes.size() > 0) {
                ex.getResponseHeaders().add("Range", "bytes=0-" + (s.bytes.size() - 1));
            }
            send(ex, 308, "");
        }
    }

    private void list(HttpExchange ex) throws IOException {
        if (!oauth.authorized(ex)) {
            send(ex, 401, googleError(401, "authError", "Request had invalid authentication credentials."));
            return;
        }
        String id = query(ex.getRequestURI().getRawQuery()).get("id");
        StringBuilder items = new StringBuilder();
        for (Video v : videos) {
            if (v.id().equals(id)) {
                items.append(resource(v, "processed"));
            }
        }
        send(ex, 200, "{\"kind\":\"youtube#videoListResponse\",\"items\":[" + items + "]}");
    }

    private static String resource(Video v, String uploadStatus) {
        return "{\"kind\":\"youtube#video\",\"id\":" + quote(v.id()) + ",\"snippet\":{\"title\":" + quote(v.title())
                + "},\"status\":{\"uploadStatus\":\"" + uploadStatus + "\",\"privacyStatus\":\"" + v.privacyStatus()
                + "\"},\"processingDetails\":{\"processingStatus\":\"" + ("processed".equals(uploadStatus)
                ? "succeeded" : "processing") + "\"}}";
    }
}
