package dev.tagline.publish.auth;

import java.time.Instant;

/**
 * What a channel needs to call its platform: OAuth client and tokens, or a webhook signing secret (kept in
 * {@code accessToken}). Sealed at rest by {@link TokenVault}; {@link #toString()} never shows a secret.
 */
public record Credential(String clientId, String clientSecret, String accessToken, String refreshToken,
                         Instant accessExpiresAt, Instant refreshExpiresAt) {
    /** A credential that is only a secret (webhook signing key, app password). */
    public static Credential secret(String secret) {
        return new Credential(null, null, secret, null, null, null);
    }

    /**
     * This credential after a refresh: the new access token and expiry, and the new refresh token only when the
     * platform sent one (rotation); an empty one never overwrites a stored one (postiz PR #1884).
     */
    public Credential refreshed(String newAccess, Instant newExpiry, String newRefresh, Instant newRefreshExpiry) {
        boolean rotated = newRefresh != null && !newRefresh.isBlank();
        return new Credential(clientId, clientSecret, newAccess, rotated ? newRefresh : refreshToken, newExpiry,
                rotated && newRefreshExpiry != null ? newRefreshExpiry : refreshExpiresAt);
    }

    @Override
    public String toString() {
        return "Credential[clientId=" + clientId + ", clientSecret=" + mask(clientSecret) + ", accessToken="
                + mask(accessToken) + ", refreshToken=" + mask(refreshToken) + ", accessExpiresAt=" + accessExpiresAt
                + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }

    private static String mask(String s) {
        return s == null ? "null" : "***";
    }
}
