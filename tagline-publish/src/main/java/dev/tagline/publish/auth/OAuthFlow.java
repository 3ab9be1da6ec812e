package dev.tagline.publish.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256) that {@code tagline serve} runs with a
 * callback on localhost: {@link #start} gives the URL to open and what to remember; {@link #finish} checks the
 * callback's {@code state}, exchanges the code with the verifier and returns the credential to seal.
 */
public final class OAuthFlow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OAuthClient client;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** One platform's OAuth client. {@code clientIdParam} is {@code client_key} on TikTok. */
    public record OAuthClient(String authorizeUrl, String tokenUrl, String clientId, String clientSecret, String scope,
                              String clientIdParam, Map<String, String> extra) {
        /** Google (YouTube): offline access and a consent prompt, so a refresh token is always returned. */
        public static OAuthClient youtube(String clientId, String clientSecret) {
            return new OAuthClient("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                    clientId, clientSecret, "https://www.googleapis.com/auth/youtube.upload", "client_id",
                    Map.of("access_type", "offline", "prompt", "consent"));
        }
    }

    /** What to remember between {@link #start} and the callback (never shown to the user or logged). */
    public record Pending(URI authorizeUri, String state, String codeVerifier, String redirectUri) {
        @Override
        public String toString() {
            return "Pending[" + authorizeUri + "]";
        }
    }

    public OAuthFlow(OAuthClient client, HttpClient http, Clock clock) {
        this.client = client;
        this.http = http;
        this.clock = clock;
    }

    public Pending start(String redirectUri) {
        String verifier = token(48);
        String state = token(24);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put(client.clientIdParam(), client.clientId());
        q.put("redirect_uri", redirectUri);
        q.put("scope", client.scope());
        q.put("state", state);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        q.putAll(client.extra());
        return new Pending(URI.create(client.authorizeUrl() + "?" + form(q)), state, verifier, redirectUri);
    }

    /** Handles the callback's query parameters ({@code code}, {@code state}, or {@code error}). */
    public Credential finish(Pending pending, Map<String, String> callback) {
        if (callback.containsKey("error")) {
            throw new TaglineException("The platform did not grant access: " + callback.get("error")
                    + (callback.containsKey("error_description") ? " (" + callback.get("error_description") + ")" : ""),
                    "Start the connection again and approve the requested permissions.");
        }
        if (!MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.US_ASCII),
                String.valueOf(callback.get("state")).getBytes(StandardCharsets.US_ASCII))) {
            throw new TaglineException("The OAuth callback's state does not match the request (possible CSRF)",
                    "Start the connection again from the same browser.");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", String.valueOf(callback.get("code")));
        body.put("redirect_uri", pending.redirectUri());
        body.put(client.clientIdParam(), client.clientId());
        body.put("client_secret", client.clientSecret());
        body.put("code_verifier", pending.codeVerifier());
        JsonNode json = post(body);
        Instant now = clock.instant();
        return new Credential(client.clientId(), client.clientSecret(), json.path("access_token").asText(),
                json.path("refresh_token").asText(null),
                json.has("expires_in") ? now.plusSeconds(json.path("expires_in").asLong()) : null,
                json.has("refresh_expires_in") ? now.plusSeconds(json.path("refresh_expires_in").asLong()) : null);
    }

    private JsonNode post(Map<String, String> body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(client.tokenUrl()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
            if (r.statusCode() >= 400 || !json.path("access_token").isTextual()) {
                throw new TaglineException("The token endpoint refused the code (HTTP " + r.statusCode() + " "
                        + json.path("error").asText("") + ")", "Start the connection again; codes are single-use.");
            }
            return json;
        } catch (IOException e) {
            throw new TaglineException("Cannot reach the token endpoint " + client.tokenUrl() + ": " + e.getMessage(),
                    "Check the network and start the connection again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Interrupted while exchanging the OAuth code", "Start again.", e);
        }
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))) without padding. */
    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
