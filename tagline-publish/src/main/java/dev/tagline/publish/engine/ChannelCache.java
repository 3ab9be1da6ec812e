package dev.tagline.publish.engine;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.ChannelStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels as a worker sees them, re-read at most every few seconds: a publish needs the platform and options, which
 * change rarely, and the claim query already skips channels that are not active.
 */
final class ChannelCache {
    private static final long TTL_NANOS = 5_000_000_000L;
    private final ChannelStore channels;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Channel channel, long readAt) {
    }

    ChannelCache(ChannelStore channels) {
        this.channels = channels;
    }

    Channel get(long id) {
        long now = System.nanoTime();
        Entry e = entries.get(id);
        if (e == null || now - e.readAt() > TTL_NANOS) {
            e = new Entry(channels.byId(id), now);
            entries.put(id, e);
        }
        return e.channel();
    }
}
