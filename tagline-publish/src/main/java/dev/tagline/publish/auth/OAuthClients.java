package dev.tagline.publish.auth;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Channel;
import java.util.Map;

/**
 * The OAuth 2.0 authorization-code clients of the platforms whose accounts are connected through {@code tagline
 * serve} (publishing.md §OAuth). A channel's options {@code authorize-url}, {@code token-url} and {@code scope}
 * override the platform's (the same {@code token-url} the refresh uses), e.g. for a test server.
 */
public final class OAuthClients {
    private record Endpoints(String authorize, String token, String scope, String clientIdParam,
                             Map<String, String> extra) {
    }

    private static final Map<String, Endpoints> PLATFORMS = Map.of(
            // Google: offline access and a consent prompt, so a refresh token is always returned.
            "youtube", new Endpoints("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                    "https://www.googleapis.com/auth/youtube.upload", "client_id",
                    Map.of("access_type", "offline", "prompt", "consent")),
            "tiktok", new Endpoints("https://www.tiktok.com/v2/auth/authorize/",
                    "https://open.tiktokapis.com/v2/oauth/token/", "user.info.basic,video.publish,video.upload",
                    "client_key", Map.of()),
            // X: PKCE is mandatory; offline.access is what yields a refresh token.
            "x", new Endpoints("https://x.com/i/oauth2/authorize", "https://api.x.com/2/oauth2/token",
                    "tweet.read tweet.write users.read media.write offline.access", "client_id", Map.of()),
            "linkedin", new Endpoints("https://www.linkedin.com/oauth/v2/authorization",
                    "https://www.linkedin.com/oauth/v2/accessToken", "openid profile w_member_social", "client_id",
                    Map.of()));

    private OAuthClients() {
    }

    /** True when channels of {@code platform} are connected with the authorization-code flow. */
    public static boolean supports(String platform) {
        return PLATFORMS.containsKey(platform);
    }

    /** The client for {@code channel} with the app credentials the user registered with the platform. */
    public static OAuthFlow.OAuthClient of(Channel channel, String clientId, String clientSecret) {
        Endpoints e = PLATFORMS.get(channel.platform());
        if (e == null) {
            throw new TaglineException("Channel '" + channel.name() + "' (" + channel.platform() + ") is not connected"
                    + " through OAuth here", "Store its token or secret with 'tagline publish channels add'; OAuth"
                    + " connect works for " + String.join(", ", new java.util.TreeSet<>(PLATFORMS.keySet())) + ".");
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new TaglineException("Connecting channel '" + channel.name() + "' needs the app's client id and"
                    + " client secret", "Copy them from the " + channel.platform() + " developer console.");
        }
        return new OAuthFlow.OAuthClient(channel.option("authorize-url", e.authorize()),
                channel.option("token-url", e.token()), clientId.strip(), clientSecret.strip(),
                channel.option("scope", e.scope()), e.clientIdParam(), e.extra());
    }
}
