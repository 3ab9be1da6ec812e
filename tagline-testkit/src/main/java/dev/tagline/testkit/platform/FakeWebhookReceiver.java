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
        }
        if (dropNextResponse) {
            dropNextResponse = false;
            ex.close();
            return;
        }
        send(ex, 200, "{\"id\":\"" + id + "\",\"url\":\"" + baseUrl() + "/deliveries/" + id + "\"}");
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
