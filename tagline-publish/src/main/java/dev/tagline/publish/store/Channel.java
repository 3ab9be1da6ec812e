package dev.tagline.publish.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A place posts go to: one account on one platform ({@code youtube}, {@code folder}, …), with the IANA zone its
 * posting rules are expressed in and platform options (a folder path, a webhook URL, a TikTok privacy level…).
 */
public record Channel(long id, String name, String platform, String account, ZoneId zone, State state,
                      String stateReason, Map<String, String> options, Instant createdAt) {
    public Channel {
        options = Map.copyOf(options);
    }

    /**
     * The state reason stored for a channel added without tokens. Where to connect it is said by the place that shows
     * it (the command line or the Channels page), not stored (dogfood round 9 L8).
     */
    public static final String NOT_CONNECTED = "not connected yet";

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** Whether the worker may publish to the channel. */
    public enum State {
        /** Publishing normally. */
        ACTIVE,
        /** A token refresh failed; {@code tagline publish channels add --reconnect} (or the web app) fixes it. */
        NEEDS_RECONNECT,
        /**
         * Added without tokens (an OAuth platform whose refresh token the browser's Connect gets): nothing is
         * published to it and auto-schedule plans nothing on it until Channels → Connect makes it active.
         */
        NEEDS_CONNECT,
        /** Paused by the user. */
        PAUSED,
        /**
         * Removed by the user but kept, under a freed name, as the channel of its published posts so their record and
         * audit trail stay; not listed and never published to.
         */
        REMOVED
    }
}
