package dev.tagline.publish.auth;

import dev.tagline.core.TaglineException;

/** A token could not be refreshed; the channel must be connected again by the user. */
public final class ReconnectNeededException extends TaglineException {
    private static final long serialVersionUID = 1L;

    public ReconnectNeededException(String channel, String why) {
        super("Channel '" + channel + "' needs reconnecting: " + why,
                "Connect the account again (tagline serve → Channels, or 'tagline publish channels add --reconnect');"
                        + " its scheduled posts wait and go out afterwards.");
    }
}
