package dev.tagline.publish.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.store.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tokens from the vault, refreshed with the OAuth 2.0 {@code refresh_token} grant (RFC 6749 §6) five minutes before
 * they expire or when a platform refuses them. A rotated refresh token is stored at once; an empty one never replaces
 * a stored one. A refused refresh ({@code invalid_grant}, 400/401) means the channel needs reconnecting; a network
 * error or 5xx is only retried later. Instagram Login tokens have no refresh token and renew themselves
 * ({@code ig_refresh_token}) ten days ahead. Across processes one refresh at a time: a lease on the credential row and
 * a compare-and-set on its version ({@link CredentialStore#lease}). (About 230 lines: both grants share the lease,
 * the answer handling and the error mapping.)
 */
public final class VaultTokenSource implements TokenSource {
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Instagram long-lived tokens (60 days) can only be refreshed while unexpired: renew them well ahead. */
    static final Duration INSTAGRAM_MARGIN = Duration.ofDays(10);
    static final String INSTAGRAM_REFRESH_URL = "https://graph.instagram.com/refresh_access_token";
    /** How long one process may hold a channel's refresh lease, and how long the others wait for it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration WAIT = Duration.ofSeconds(45);
    private static final long POLL_MILLIS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKEN_URLS = Map.of(
            "youtube", "https://oauth2.googleapis.com/token",
            "tiktok", "https://open.tiktokapis.com/v2/oauth/token/",
            "x", "https://api.x.com/2/oauth2/token",
            "linkedin", "https://www.linkedin.com/oauth/v2/accessToken");
    private final CredentialStore store;
    private final HttpClient client;
    private final Clock clock;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final String owner = "tokens-" + java.util.UUID.randomUUID();
    /** Decrypted credentials reused for a few seconds; a refreshed token does not revoke the previous one. */
    private final Map<Long, Cached> recent = new ConcurrentHashMap<>();
    private static final long REUSE_NANOS = 10_000_000_000L;

    private record Cached(Credential credential, long readAt) {
    }

    public VaultTokenSource(CredentialStore store, HttpClient client, Clock clock) {
        this.store = store;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String accessToken(Channel channel) {
        Cached cached = recent.get(channel.id());
        Duration margin = "instagram".equals(channel.platform()) ? INSTAGRAM_MARGIN : MARGIN;
        if (cached != null && System.nanoTime() - cached.readAt() < REUSE_NANOS && (cached.credential()
                .accessExpiresAt() == null || clock.instant().isBefore(cached.credential().accessExpiresAt().minus(margin)))) {
            return cached.credential().accessToken();
        }
        Credential c = require(channel);
        recent.put(channel.id(), new Cached(c, System.nanoTime()));
        if (c.accessExpiresAt() != null && !clock.instant().isBefore(c.accessExpiresAt().minus(margin))) {
            return refreshIfStill(channel, c.accessToken());
        }
        return c.accessToken();
    }

    @Override
    public String refresh(Channel channel) {
        return refreshIfStill(channel, require(channel).accessToken());
    }

    /**
     * Refreshes unless another thread or process already replaced {@code stale}. Threads of this process queue on a
     * lock; processes on the row's refresh lease: the one that takes it spends the refresh token and writes the
     * result back by compare-and-set, the others wait for the new version and use it.
     */
    private String refreshIfStill(Channel channel, String stale) {
        synchronized (locks.computeIfAbsent(channel.id(), k -> new Object())) {
            long waitUntil = System.nanoTime() + WAIT.toNanos();
            while (true) {
                CredentialStore.Versioned current = store.read(channel).orElseThrow(() ->
                        new ReconnectNeededException(channel.name(), "no credentials are stored for it"));
                if (!java.util.Objects.equals(current.credential().accessToken(), stale)) {
                    return current.credential().accessToken();
                }
                if (store.lease(channel, current.version(), owner, clock.instant().plus(LEASE))) {
                    return refreshLeased(channel, current);
                }
                if (System.nanoTime() > waitUntil) {
                    throw PlatformException.ambiguous(null, "Another worker has been refreshing the token of channel '"
                            + channel.name() + "' for over " + WAIT.toSeconds() + " s; will retry", null);
                }
                sleep();
            }
        }
    }

    private String refreshLeased(Channel channel, CredentialStore.Versioned current) {
        recent.remove(channel.id());
        Credential next;
        try {
            next = exchange(channel, current.credential());
        } catch (RuntimeException e) {
            store.release(channel, owner);
            throw e;
        }
        if (!store.replace(channel, current.version(), owner, next)) {
            throw new ReconnectNeededException(channel.name(), "the refresh took longer than its " + LEASE.toSeconds()
                    + " s lease and another worker or a reconnect replaced the credential meanwhile; the token just"
                    + " issued was not stored");
        }
        return next.accessToken();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.ambiguous(null, "Interrupted waiting for another worker's token refresh", e);
        }
    }

    private Credential exchange(Channel channel, Credential c) {
        if ("instagram".equals(channel.platform())) {
            return instagram(channel, c);
        }
        if (c.refreshToken() == null || c.refreshToken().isBlank()) {
            throw new ReconnectNeededException(channel.name(), "the platform refused the stored credential (token or signing secret) and there is no refresh token to renew it");
        }
        if (c.refreshExpiresAt() != null && clock.instant().isAfter(c.refreshExpiresAt())) {
            throw new ReconnectNeededException(channel.name(), "the refresh token expired at " + c.refreshExpiresAt());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", c.refreshToken());
        form.put("tiktok".equals(channel.platform()) ? "client_key" : "client_id", c.clientId());
        form.put("client_secret", c.clientSecret());
        String url = channel.option("token-url", TOKEN_URLS.getOrDefault(channel.platform(), ""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return answer(channel, c, send(channel, request));
    }

    /**
     * Instagram Login (publishing.md §4): a long-lived token (60 days) renews itself — {@code GET
     * refresh_access_token?grant_type=ig_refresh_token&access_token=…}, allowed once it is 24 h old and unexpired;
     * there is no refresh token, and an expired one needs the user to connect again.
     */
    private Credential instagram(Channel channel, Credential c) {
        if (c.accessExpiresAt() == null) {
            throw new ReconnectNeededException(channel.name(), "Instagram refused its token, which was stored without"
                    + " an expiry (not an Instagram Login long-lived token), so it cannot be refreshed");
        }
        if (!clock.instant().isBefore(c.accessExpiresAt())) {
            throw new ReconnectNeededException(channel.name(), "its Instagram long-lived token expired at "
                    + c.accessExpiresAt() + " and expired tokens cannot be refreshed");
        }
        String url = channel.option("refresh-url", INSTAGRAM_REFRESH_URL) + "?" + encode(Map.of(
                "grant_type", "ig_refresh_token", "access_token", c.accessToken()));
        return answer(channel, c, send(channel, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build()));
    }

    private HttpResponse<String> send(Channel channel, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "Token refresh for channel '" + channel.name() + "' got no answer"
                    + " from " + request.uri().getHost() + ": " + dev.tagline.publish.platform.PlatformHttp.noAnswer(e)
                    + "; it is retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.ambiguous(null, "Interrupted refreshing the token of " + channel.name(), e);
        }
    }

    private Credential answer(Channel channel, Credential c, HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw PlatformException.ambiguous(response.statusCode(), "Token refresh for channel '" + channel.name()
                    + "' failed with HTTP " + response.statusCode(), null);
        }
        if (response.statusCode() >= 400 || !body.path("access_token").isTextual()) {
            JsonNode error = body.path("error");
            throw new ReconnectNeededException(channel.name(), "the platform refused the refresh (HTTP "
                    + response.statusCode() + " " + (error.isObject() ? error.path("message").asText("")
                    : error.asText("")) + ")");
        }
        Instant now = clock.instant();
        Instant expires = body.has("expires_in") ? now.plusSeconds(body.path("expires_in").asLong()) : null;
        Instant refreshExpires = body.has("refresh_expires_in")
                ? now.plusSeconds(body.path("refresh_expires_in").asLong()) : null;
        return c.refreshed(body.path("access_token").asText(), expires, body.path("refresh_token").asText(null),
                refreshExpires);
    }

    private Credential require(Channel channel) {
        return store.get(channel).orElseThrow(() -> new ReconnectNeededException(channel.name(),
                "no credentials are stored for it"));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(VaultTokenSource.class)
                    .debug("token endpoint answered with non-JSON; treated as a refusal", e);
            return JSON.createObjectNode();
        }
    }
}
