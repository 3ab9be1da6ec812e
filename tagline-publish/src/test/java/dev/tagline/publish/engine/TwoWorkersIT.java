package dev.tagline.publish.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.TestClips;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.SecretKeys;
import dev.tagline.publish.platform.Publishers;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.TempPostgres;
import dev.tagline.testkit.platform.FakeMediaHost;
import dev.tagline.testkit.platform.FakeWebhookReceiver;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workers with their own connections race over the same due posts on one PostgreSQL: nothing goes out twice. */
class TwoWorkersIT {
    static final int PER_CHANNEL = 60;
    @TempDir
    Path dir;

    @Test
    void twoWorkersOnOnePostgresNeverPostTwice() throws Exception {
        String url = TempPostgres.newDatabaseUrl();
        Map<String, String> env = Map.of(SecretKeys.ENV, SecretKeys.generate());
        Path out = dir.resolve("out");
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver("k"); FakeMediaHost serve = new FakeMediaHost()) {
            hook.latency(Duration.ofMillis(50));
            try (Publishing p = Publishing.open(url, new TaglineHome(dir), Clock.systemUTC())) {
                Channel web = p.channels().add("hook", "webhook", "me", ZoneId.of("UTC"), Map.of("url",
                        hook.baseUrl() + "/h", "media-base-url", serve.baseUrl()));
                p.credentials(env).put(web, Credential.secret("k"));
                Channel folder = p.channels().add("fold", "folder", "me", ZoneId.of("UTC"), Map.of("path",
                        out.toString()));
                for (int i = 0; i < PER_CHANNEL; i++) {
                    Media m = p.media().register(TestClips.clip(dir.resolve("clips"), "c" + i, 0.5, 2000));
                    for (Channel c : new Channel[] {web, folder}) {
                        Post post = p.posts().queue(m, c, m.manifest().copyFor(c.platform()));
                        serve.serve(post.id(), m.videoPath());
                        p.posts().schedule(post.id(), post.scheduleVersion(), Clock.systemUTC().instant(),
                                Post.PlannedBy.USER);
                    }
                }
            }
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Worker.Summary> a = CompletableFuture.supplyAsync(() -> work(url, env, "A", start));
            CompletableFuture<Worker.Summary> b = CompletableFuture.supplyAsync(() -> work(url, env, "B", start));
            int publishedA = a.get().count("PUBLISHED");
            int publishedB = b.get().count("PUBLISHED");
            assertEquals(2 * PER_CHANNEL, publishedA + publishedB, "A " + publishedA + " + B " + publishedB);
            assertTrue(publishedA > 0 && publishedB > 0, "both workers took part: " + publishedA + "/" + publishedB);
            assertEquals(PER_CHANNEL, hook.deliveries().size());
            assertEquals(0, hook.duplicates(), "no webhook delivered twice");
            try (Stream<Path> files = Files.walk(out)) {
                assertEquals(PER_CHANNEL, files.filter(f -> f.getFileName().toString().matches("[^.].*\\.json"))
                        .count());
            }
            try (Publishing p = Publishing.open(url, new TaglineHome(dir), Clock.systemUTC())) {
                assertEquals(Map.of(PostState.PUBLISHED, 2 * PER_CHANNEL), p.posts().countByState());
                Integer creates = p.database().jdbc().queryOne("SELECT COUNT(*) FROM attempt WHERE step = 'create'",
                        rs -> rs.getInt(1)).orElseThrow();
                assertEquals(PER_CHANNEL, creates, "one create call per webhook post");
            }
        }
    }

    private static Worker.Summary work(String url, Map<String, String> env, String name, CyclicBarrier start) {
        HttpClient client = HttpClient.newHttpClient();
        EngineSettings settings = new EngineSettings(4, Duration.ofSeconds(3), Duration.ofMillis(20), 8,
                Duration.ofSeconds(2), Duration.ofSeconds(1), 3);
        try (Publishing p = Publishing.open(url, new TaglineHome(Path.of("/nonexistent")), Clock.systemUTC());
             Worker w = new Worker(p, p.tokens(env, client), new Publishers(), client, settings, new Random(), name)) {
            start.await(30, TimeUnit.SECONDS);
            return w.runUntilIdle();
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("workers did not start together", e);
        }
    }
}
