package dev.tagline.publish.auth;

import dev.tagline.publish.store.Channel;

/** Access tokens for channels, refreshed ahead of expiry. Thread-safe. */
public interface TokenSource {
    /** A token valid for a while yet; refreshes first when it is about to expire. */
    String accessToken(Channel channel);

    /** Refreshes now, after the platform refused the current token. */
    String refresh(Channel channel);

    /** For platforms without accounts (folder, webhook). */
    TokenSource NONE = new TokenSource() {
        @Override
        public String accessToken(Channel channel) {
            return "";
        }

        @Override
        public String refresh(Channel channel) {
            throw new ReconnectNeededException(channel.name(), "this platform has no tokens to refresh");
        }
    };
}
