package dev.tagline.publish.platform;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything one publish step sees: the post, its media and channel, a way to get a fresh access token, the HTTP
 * client that logs every call, and the progress map that survives crashes. {@link #checkpoint} persists progress
 * (fenced by the worker's lease) and throws when the lease was lost, so a worker that lost its post stops at once.
 */
public final class PublishRequest {
    private final Post post;
    private final Media media;
    private final Channel channel;
    private final PlatformHttp http;
    private final Supplier<String> token;
    private final Clock clock;
    private final Map<String, String> progress;
    private final Checkpointer checkpointer;

    /** Persists progress; false means the lease is gone. */
    @FunctionalInterface
    public interface Checkpointer {
        boolean save(Map<String, String> progress);
    }

    public PublishRequest(Post post, Media media, Channel channel, PlatformHttp http, Supplier<String> token,
                          Clock clock, Checkpointer checkpointer) {
        this.post = post;
        this.media = media;
        this.channel = channel;
        this.http = http;
        this.token = token;
        this.clock = clock;
        this.progress = new HashMap<>(post.progress());
        this.checkpointer = checkpointer;
    }

    public Post post() {
        return post;
    }

    public Media media() {
        return media;
    }

    public Channel channel() {
        return channel;
    }

    public PlatformHttp http() {
        return http;
    }

    /** A valid access token (refreshed ahead of expiry by the token service). */
    public String accessToken() {
        return token.get();
    }

    public Clock clock() {
        return clock;
    }

    public String progress(String key) {
        return progress.get(key);
    }

    public Map<String, String> progress() {
        return Map.copyOf(progress);
    }

    /** Remembers {@code key=value}; the next checkpoint (or the engine's next step) makes it durable. */
    public void note(String key, String value) {
        progress.put(key, value);
    }

    /** Records {@code key=value} durably before going on. */
    public void checkpoint(String key, String value) {
        progress.put(key, value);
        if (!checkpointer.save(Map.copyOf(progress))) {
            throw new LeaseLostException(post.id());
        }
    }

    /** Thrown when a checkpoint finds that another worker owns the post now. */
    public static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LeaseLostException(long postId) {
            super("lost the lease on post " + postId + "; another worker owns it now");
        }
    }
}
