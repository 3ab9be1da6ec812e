package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver of Tagline's signed webhooks: checks {@code X-Tagline-Signature} (HMAC-SHA256 of
 * {@code timestamp + "." + body}), requires the documented fields, and dedupes by {@code Idempotency-Key} the way a
 * careful receiver does, counting the duplicates it absorbed. Served over plain http, like a receiver on uvicorn: an
 * h2c upgrade offer gets 400.
 */
public final class FakeWebhookReceiver extends FakeHttpServer {
    private final String secret;
    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final List<JsonNode> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile boolean dropNextResponse;

    public FakeWebhookReceiver(String secret) {
        this.secret = secret;
    }

    /** Accepted deliveries, one per idempotency key. */
    public List<JsonNode> deliveries() {
        return List.copyOf(deliveries);
    }

    public int duplicates() {
        return duplicates.get();
    }

    /** What the receiver got when it fetched a delivery's {@code videoUrl} (no cookie, no session, like Zapier or n8n). */
    public record Download(String url, int status, long bytes, String sha256, boolean sha256Matches) {
    }

    private final List<Download> downloads = new CopyOnWriteArrayList<>();
    private volatile boolean downloadVideos;

    /** From now on, each new delivery's {@code videoUrl} is downloaded before the answer, and its SHA-256 checked. */
    public void downloadVideos() {
        downloadVideos = true;
    }

    /** The downloads {@link #downloadVideos()} made, in order. */
    public List<Download> downloads() {
        return List.copyOf(downloads);
    }

    /** The next delivery is processed, then the connection drops before the answer. */
    public void dropNextResponse() {
        dropNextResponse = true;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        if (dev.tagline.testkit.UvicornUpgrades.refused(ex)) { // a FastAPI receiver
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, "{\"error\":\"POST only\"}");
            return;
        }
        byte[] body = body(ex);
        String timestamp = ex.getRequestHeaders().getFirst("X-Tagline-Timestamp");
        String signature = ex.getRequestHeaders().getFirst("X-Tagline-Signature");
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (timestamp == null || signature == null || !signature.equals("sha256=" + hmac(timestamp + "."
                + new String(body, StandardCharsets.UTF_8)))) {
            send(ex, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        JsonNode json = json(body);
        if (key == null || json == null || !json.path("videoUrl").isTextual() || !json.path("caption").isTextual()) {
            send(ex, 400, "{\"error\":\"Idempotency-Key, videoUrl and caption are required\"}");
            return;
        }
        String id = byKey.get(key);
        if (id != null) {
            duplicates.incrementAndGet();
        } else {
            id = "d" + (deliveries.size() + 1);
            byKey.put(key, id);
            deliveries.add(json);
            if (downloadVideos) {
                downloads.add(download(json.path("videoUrl").asText(), json.path("sha256").asText()));
            }
        }
        if (dropNextResponse) {
            dropNextResponse = false;
            ex.close();
            return;
        }
        send(ex, 200, "{\"id\":\"" + id + "\",\"url\":\"" + baseUrl() + "/deliveries/" + id + "\"}");
    }

    private static Download download(String url, String expectedSha256) {
        try {
            java.net.http.HttpResponse<byte[]> got = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(got.body()));
            return new Download(url, got.statusCode(), got.body().length, sha, sha.equals(expectedSha256));
        } catch (IOException | IllegalArgumentException e) {
            return new Download(url, -1, 0, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(url, -1, 0, null, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
