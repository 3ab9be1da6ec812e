package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Bluesky PDS and video service in one (publishing.md §9): {@code createSession} with an app password,
 * {@code getServiceAuth} for {@code com.atproto.repo.uploadBlob}, {@code app.bsky.video.uploadVideo} (service token,
 * ≤ 100 MB) → job, {@code getJobStatus} → blob, {@code createRecord} of {@code app.bsky.feed.post} (text ≤ 300
 * graphemes, a TID record key, a video embed whose blob was uploaded; an existing key is refused) and
 * {@code getRecord}.
 */
public final class FakeBluesky extends FakeHttpServer {
    private static final String TID = "[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}";
    private final String handle;
    private final String appPassword;
    private final String did = "did:plc:fake" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> serviceTokens = new ConcurrentHashMap<>();
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> records = new ConcurrentHashMap<>();
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private volatile boolean dropNextCreateResponse;

    public FakeBluesky(String handle, String appPassword) {
        this.handle = handle;
        this.appPassword = appPassword;
    }

    /** Record keys of the posts that exist. */
    public List<String> posts() {
        return List.copyOf(posts);
    }

    public void dropNextCreateResponse() {
        dropNextCreateResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String nsid = ex.getRequestURI().getPath().replaceFirst("^/xrpc/", "");
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String bearer = String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
        if (nsid.equals("com.atproto.server.createSession")) {
            JsonNode b = json(body(ex));
            if (b == null || !handle.equals(b.path("identifier").asText()) || !appPassword.equals(b.path("password")
                    .asText())) {
                xrpcError(ex, 401, "AuthenticationRequired", "Invalid identifier or password");
                return;
            }
            String jwt = "access-" + UUID.randomUUID();
            sessions.put(jwt, did);
            send(ex, 200, "{\"did\":\"" + did + "\",\"handle\":\"" + handle + "\",\"accessJwt\":\"" + jwt
                    + "\",\"refreshJwt\":\"refresh-" + UUID.randomUUID() + "\"}");
            return;
        }
        if (nsid.equals("app.bsky.video.uploadVideo")) {
            byte[] video = body(ex);
            if (!"com.atproto.repo.uploadBlob".equals(serviceTokens.get(bearer)) || !did.equals(q.get("did"))) {
                xrpcError(ex, 401, "AuthenticationRequired", "service token for com.atproto.repo.uploadBlob needed");
            } else if (video.length == 0 || video.length > 100L * 1024 * 1024
                    || !"video/mp4".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                xrpcError(ex, 400, "InvalidRequest", "video/mp4 of 1 byte to 100 MB expected");
            } else {
                String job = "job-" + UUID.randomUUID();
                jobs.put(job, "bafkrei" + Integer.toHexString(java.util.Arrays.hashCode(video)));
                send(ex, 200, "{\"jobId\":\"" + job + "\",\"did\":\"" + did + "\",\"state\":\"JOB_STATE_CREATED\"}");
            }
            return;
        }
        if (nsid.equals("app.bsky.video.getJobStatus")) {
            String cid = jobs.get(q.get("jobId"));
            if (cid == null) {
                xrpcError(ex, 400, "InvalidRequest", "unknown job");
            } else {
                send(ex, 200, "{\"jobStatus\":{\"jobId\":\"" + q.get("jobId") + "\",\"did\":\"" + did + "\",\"state\":"
                        + "\"JOB_STATE_COMPLETED\",\"blob\":" + blob(cid) + "}}");
            }
            return;
        }
        if (!sessions.containsKey(bearer)) {
            xrpcError(ex, 401, "ExpiredToken", "Token has expired");
            return;
        }
        switch (nsid) {
            case "com.atproto.server.getServiceAuth" -> {
                String token = "svc-" + UUID.randomUUID();
                serviceTokens.put(token, q.getOrDefault("lxm", ""));
                send(ex, 200, "{\"token\":\"" + token + "\"}");
            }
            case "com.atproto.repo.createRecord" -> createRecord(ex, json(body(ex)));
            case "com.atproto.repo.getRecord" -> {
                JsonNode r = records.get(q.getOrDefault("rkey", ""));
                if (r == null) {
                    xrpcError(ex, 400, "RecordNotFound", "Could not locate record");
                } else {
                    send(ex, 200, "{\"uri\":\"" + uri(q.get("rkey")) + "\",\"cid\":\"bafyrecord\",\"value\":" + r + "}");
                }
            }
            default -> xrpcError(ex, 501, "MethodNotImplemented", nsid);
        }
    }

    private void createRecord(HttpExchange ex, JsonNode b) throws IOException {
        String rkey = b == null ? "" : b.path("rkey").asText("");
        JsonNode record = b == null ? null : b.path("record");
        if (record == null || !"app.bsky.feed.post".equals(b.path("collection").asText()) || !rkey.matches(TID)) {
            xrpcError(ex, 400, "InvalidRequest", "collection app.bsky.feed.post and a TID rkey are required");
            return;
        }
        if (graphemes(record.path("text").asText()) > 300) {
            xrpcError(ex, 400, "InvalidRequest", "Record/text must not be longer than 300 graphemes");
            return;
        }
        String cid = record.path("embed").path("video").path("ref").path("$link").asText("");
        if (!record.path("embed").path("$type").asText().equals("app.bsky.embed.video") || !jobs.containsValue(cid)) {
            xrpcError(ex, 400, "InvalidRequest", "embed must be app.bsky.embed.video with an uploaded blob");
            return;
        }
        synchronized (this) {
            if (records.putIfAbsent(rkey, record) != null) {
                xrpcError(ex, 400, "InvalidSwap", "Record already exists at " + uri(rkey));
                return;
            }
            posts.add(rkey);
        }
        if (dropNextCreateResponse) {
            dropNextCreateResponse = false;
            ex.close();
            return;
        }
        send(ex, 200, "{\"uri\":\"" + uri(rkey) + "\",\"cid\":\"bafyrecord\"}");
    }

    private String uri(String rkey) {
        return "at://" + did + "/app.bsky.feed.post/" + rkey;
    }

    private static String blob(String cid) {
        return "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + cid + "\"},\"mimeType\":\"video/mp4\",\"size\":1}";
    }

    private static int graphemes(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    private static void xrpcError(HttpExchange ex, int status, String error, String message) throws IOException {
        send(ex, status, "{\"error\":\"" + error + "\",\"message\":" + quote(message) + "}");
    }
}
