package dev.tagline.publish.engine;

import dev.tagline.publish.auth.TokenSource;
import dev.tagline.publish.platform.PlatformHttp;
import dev.tagline.publish.platform.PublisherFactory;
import dev.tagline.publish.store.AttemptLog;
import dev.tagline.publish.store.ChannelStore;
import dev.tagline.publish.store.JobStore;
import dev.tagline.publish.store.MediaStore;
import java.net.http.HttpClient;
import java.time.Clock;

/** What a publish run needs, wired once per worker. */
record JobContext(JobStore jobs, ChannelStore channels, MediaStore media, AttemptLog attempts, TokenSource tokens,
                  PublisherFactory publishers, HttpClient client, Clock clock, Backoff backoff,
                  EngineSettings settings, ChannelCache channelCache) {
    PlatformHttp http(long postId, String owner) {
        return new PlatformHttp(client, attempts, clock, postId, owner);
    }
}
