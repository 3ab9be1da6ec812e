package dev.tagline.publish.platform;

import dev.tagline.publish.store.Channel;

/** Gives the adapter for a channel's platform, configured from the channel's options. */
@FunctionalInterface
public interface PublisherFactory {
    Publisher forChannel(Channel channel);
}
