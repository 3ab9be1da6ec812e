package dev.tagline.publish.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.platform.VideoLinks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a signed JSON describing the post, with {@code videoUrl}: the post's public link under the channel's
 * {@code media-base-url} ({@link VideoLinks}; {@code tagline serve} answers it without a login until
 * {@code videoUrlExpiresAt}), checked to answer before the POST. Headers:
 * {@code X-Tagline-Timestamp} (epoch seconds), {@code X-Tagline-Signature: sha256=HEX} = HMAC-SHA256 of
 * {@code timestamp + "." + body} with the channel's secret, and {@code Idempotency-Key: tagline-post-ID}. Receivers
 * that honour the key (channel option {@code idempotent=true}) let the reconciler re-send after an ambiguous failure;
 * otherwise such a post stays unconfirmed for the user to check.
 */
public final class WebhookPublisher implements Publisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing to send ahead: the receiver downloads the clip from the link in the body, which must answer now. */
    @Override
    public void upload(PublishRequest r) {
        VideoLinks.prepare(r);
    }

    @Override
    public Created create(PublishRequest r) {
        String body = body(r);
        String timestamp = Long.toString(r.clock().instant().getEpochSecond());
        String secret = r.accessToken();
        if (secret == null || secret.isBlank()) {
            throw PlatformException.permanent(null, "Webhook channel '" + r.channel().name() + "' has no signing secret;"
                    + " set one with 'tagline publish channels add … --secret-env VAR'");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.channel().option("url", "")))
                .timeout(dev.tagline.publish.platform.Platforms.webhookTimeout(r.channel().options()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key(r))
                .header("X-Tagline-Timestamp", timestamp)
                .header("X-Tagline-Signature", "sha256=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = r.http().send("create", request);
        JsonNode answer = parse(response.body());
        String id = answer.path("id").asText(key(r));
        return new Created(id, answer.path("url").isTextual() ? answer.path("url").asText() : null);
    }

    @Override
    public Outcome status(PublishRequest r) {
        return new Outcome.Published(r.progress("external_id"), r.progress("external_url"));
    }

    @Override
    public Lookup find(PublishRequest r) {
        if (dev.tagline.publish.platform.Platforms.resendsSafely(r.channel())) {
            return new Lookup.NotFound("the receiver dedupes by Idempotency-Key " + key(r) + ", so re-sending is safe");
        }
        return new Lookup.Unknown("a webhook cannot be asked whether it processed a delivery; set --option"
                + " idempotent=true if the receiver dedupes by Idempotency-Key");
    }

    static String body(PublishRequest r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", "tagline.post");
        node.put("post", r.post().id());
        node.put("channel", r.channel().name());
        node.put("clip", r.media().manifest().id());
        node.put("title", r.post().title());
        node.put("caption", r.post().caption());
        node.put("scheduledAt", r.post().scheduledAt() == null ? null : r.post().scheduledAt().toString());
        node.put("zone", r.post().zone().getId());
        node.put("videoUrl", VideoLinks.url(r));
        java.time.Instant expires = VideoLinks.expires(r);
        node.put("videoUrlExpiresAt", expires == null ? null : expires.toString());
        node.put("sha256", r.media().sha256());
        node.put("sizeBytes", r.media().sizeBytes());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    static String key(PublishRequest r) {
        return "tagline-post-" + r.post().id();
    }

    /** HMAC-SHA256 as lower-case hex. */
    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            org.slf4j.LoggerFactory.getLogger(WebhookPublisher.class)
                    .debug("webhook answered 2xx with a non-JSON body; the delivery key is used as the post id", e);
            return JSON.createObjectNode();
        }
    }
}
