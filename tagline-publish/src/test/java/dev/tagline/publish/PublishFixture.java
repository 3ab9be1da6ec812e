package dev.tagline.publish;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.SecretKeys;
import dev.tagline.publish.engine.EngineSettings;
import dev.tagline.publish.engine.Worker;
import dev.tagline.publish.platform.Publishers;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import dev.tagline.testkit.MutableClock;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

/** A publish database on SQLite with a hand-moved clock, the real adapters, and a worker to run. */
public final class PublishFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    public final MutableClock clock = new MutableClock(T0);
    public final Map<String, String> env = Map.of(SecretKeys.ENV, SecretKeys.generate());
    public final Publishing p;
    public final HttpClient client = HttpClient.newHttpClient();
    private final Path dir;

    public PublishFixture(Path dir) {
        this(dir, "jdbc:sqlite:" + dir.resolve("publish.db"));
    }

    public PublishFixture(Path dir, String url) {
        this.dir = dir;
        this.p = Publishing.open(url, new TaglineHome(dir.resolve("home")), clock);
    }

    public Channel channel(String name, String platform, Map<String, String> options, Credential credential) {
        Channel c = p.channels().add(name, platform, "acct-" + name, ZoneId.of("Europe/Berlin"), options);
        if (credential != null) {
            p.credentials(env).put(c, credential);
        }
        return c;
    }

    /** Queues clip {@code id} ({@code bytes} long) on {@code channel}, due at T0. */
    public Post due(Channel channel, String id, int bytes) {
        Media m = p.media().register(TestClips.clip(dir.resolve("clips"), id, 0.5, bytes));
        Post post = p.posts().queue(m, channel, m.manifest().copyFor(channel.platform()));
        p.posts().schedule(post.id(), post.scheduleVersion(), T0, Post.PlannedBy.USER);
        return p.posts().byId(post.id());
    }

    public EngineSettings settings() {
        return EngineSettings.defaults().withTiming(Duration.ofMinutes(5), Duration.ofMillis(10),
                Duration.ofMinutes(2), Duration.ofMinutes(1));
    }

    public Worker.Summary run() {
        try (Worker w = new Worker(p, p.tokens(env, client), new Publishers(), client, settings(), new Random(3),
                "test")) {
            return w.runUntilIdle();
        }
    }

    public Post post(long id) {
        return p.posts().byId(id);
    }

    @Override
    public void close() {
        p.close();
    }
}
