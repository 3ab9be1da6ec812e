package dev.tagline.testkit.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.0 token endpoint and access-token checker (RFC 6749 §6 refresh grant) shared by the fake platforms:
 * access tokens expire on the injected clock, refresh tokens can be revoked, and rotation can be switched on (TikTok
 * rotates; Google does not).
 */
public final class FakeOAuth {
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean rotate;
    private volatile Duration refreshDelay = Duration.ZERO;

    public FakeOAuth(Clock clock, String clientId, String clientSecret) {
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Issues an access token valid for {@code validFor} and registers {@code refreshToken}. */
    public String grant(String refreshToken, Duration validFor) {
        String access = "at-" + UUID.randomUUID();
        accessTokens.put(access, clock.instant().plus(validFor));
        refreshTokens.add(refreshToken);
        return access;
    }

    public void revoke(String refreshToken) {
        refreshTokens.remove(refreshToken);
    }

    public void rotateRefreshTokens(boolean on) {
        this.rotate = on;
    }

    /** Makes every refresh take {@code delay} (real time), so that concurrent refreshes overlap. */
    public void refreshDelay(Duration delay) {
        this.refreshDelay = delay;
    }

    public int refreshCount() {
        return refreshes.get();
    }

    /** RFC 6749 §4.1.3 with RFC 7636 PKCE: one use per code, same redirect URI, verifier matching the challenge. */
    private void exchangeCode(HttpExchange ex, Map<String, String> form) throws IOException {
        String client = form.getOrDefault("client_id", form.get("client_key"));
        if (!clientId.equals(client) || !clientSecret.equals(form.get("client_secret"))) {
            FakeHttpServer.send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        PendingCode pending = codes.remove(String.valueOf(form.get("code")));
        if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))
                || !pending.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
            FakeHttpServer.send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code, redirect_uri"
                    + " or code_verifier does not match\"}");
            return;
        }
        String refresh = "rt-" + UUID.randomUUID();
        String access = grant(refresh, lifetime);
        FakeHttpServer.send(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime.toSeconds() + ",\"refresh_token\":\"" + refresh + "\"}");
    }

    static String s256(String verifier) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the request carries a live {@code Authorization: Bearer} token. */
    public boolean authorized(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = accessTokens.get(header.substring(7));
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private record PendingCode(String redirectUri, String challenge) {
    }

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

    /**
     * What the consent screen does once the user agrees: issues a one-time code bound to the redirect URI and the
     * PKCE {@code code_challenge} (S256) from the authorization request.
     */
    public String approve(String redirectUri, String codeChallenge) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new PendingCode(redirectUri, codeChallenge));
        return code;
    }

    /** Handles {@code POST /token}. */
    void token(HttpExchange ex) throws IOException {
        Map<String, String> form = FakeHttpServer.query(new String(FakeHttpServer.body(ex), StandardCharsets.UTF_8));
        if ("authorization_code".equals(form.get("grant_type"))) {
            exchangeCode(ex, form);
            return;
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            FakeHttpServer.send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String client = form.getOrDefault("client_id", form.get("client_key"));
        if (!clientId.equals(client) || !clientSecret.equals(form.get("client_secret"))) {
            FakeHttpServer.send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String refresh = form.get("refresh_token");
        try {
            Thread.sleep(refreshDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // A rotating refresh token is spent atomically: of two concurrent uses of it, exactly one succeeds.
        boolean live = refresh != null && (rotate ? refreshTokens.remove(refresh) : refreshTokens.contains(refresh));
        if (!live) {
            FakeHttpServer.send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been"
                    + " expired or revoked.\"}");
            return;
        }
        refreshes.incrementAndGet();
        String access = "at-" + UUID.randomUUID();
        accessTokens.put(access, clock.instant().plus(lifetime));
        String rotated = "";
        if (rotate) {
            String next = "rt-" + UUID.randomUUID();
            refreshTokens.add(next);
            rotated = ",\"refresh_token\":\"" + next + "\"";
        }
        FakeHttpServer.send(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime.toSeconds() + rotated + "}");
    }
}
