package dev.tagline.publish.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.TestClips;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.SecretKeys;
import dev.tagline.publish.engine.EngineSettings;
import dev.tagline.publish.engine.Worker;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.platform.Publishers;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.TempPostgres;
import dev.tagline.testkit.platform.FakeMediaHost;
import dev.tagline.testkit.platform.FakeWebhookReceiver;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9 benchmark (docs/benchmarks.md): planning 10,000 posts over 20 channels, and claiming + dispatching 1,000
 * due posts against a fake platform with 50 ms latency. Runs only with {@code -Dtagline.bench=true}; prints and
 * appends to {@code target/bench-publish.txt}.
 */
class PublishBenchIT {
    static final int CHANNELS = 20;
    static final int POSTS = 10_000;
    static final int DISPATCH = 1_000;
    static final int CONCURRENCY = Integer.getInteger("tagline.bench.concurrency", 16);
    static final Duration LATENCY = Duration.ofMillis(Long.getLong("tagline.bench.latencyMs", 50));
    @TempDir
    Path dir;

    static void requireBench() {
        Assumptions.assumeTrue(Boolean.getBoolean("tagline.bench"),
                "benchmark: run with -Dtagline.bench=true (docs/benchmarks.md)");
    }

    @Test
    void planTenThousandPostsOnTwentyChannels() throws Exception {
        requireBench();
        for (String db : List.of("sqlite", "postgresql")) {
            String url = db.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("plan.db") : TempPostgres.newDatabaseUrl();
            try (Publishing p = Publishing.open(url, new TaglineHome(dir), Clock.systemUTC())) {
                List<Channel> channels = new ArrayList<>();
                String[] platforms = {"instagram", "facebook", "folder", "webhook"};
                for (int c = 0; c < CHANNELS; c++) {
                    Channel ch = p.channels().add("ch" + c, platforms[c % 4], "a" + c, ZoneId.of(c % 2 == 0
                            ? "Europe/Berlin" : "America/New_York"), Map.of());
                    p.rules().set(ch.id(), new PostingRule(PostingRule.parseDays("daily"),
                            PostingRule.parseTimes("08:00,10:00,12:00,14:00,16:00,18:00,20:00"), 5, 35,
                            Duration.ofMinutes(90), PostingRule.parseDates("2026-12-24..2026-12-26")));
                    channels.add(ch);
                }
                Media m = p.media().register(TestClips.clip(dir, "plan", 0.5, 10));
                long t0 = System.nanoTime();
                p.database().jdbc().inTransaction(tx -> {
                    Random random = new Random(1);
                    for (int i = 0; i < POSTS; i++) {
                        Channel ch = channels.get(i % CHANNELS);
                        long media = tx.insert("INSERT INTO media (manifest_path, video_path, clip_id, score,"
                                + " duration_ms, width, height, size_bytes, sha256, manifest_json, added_at) SELECT"
                                + " ?, video_path, clip_id, ?, duration_ms, width, height, size_bytes, sha256,"
                                + " manifest_json, added_at FROM media WHERE id = ?", "m" + i, random.nextDouble(),
                                m.id());
                        tx.update("INSERT INTO post (media_id, channel_id, caption, state, planned_by, zone,"
                                + " schedule_version, step, progress_json, tries, created_at, updated_at) VALUES (?, ?,"
                                + " ?, 'queued', 'none', ?, 0, 'upload', '{}', 0, 0, 0)", media, ch.id(), "p" + i,
                                ch.zone().getId());
                    }
                    return null;
                });
                long insertMs = (System.nanoTime() - t0) / 1_000_000;
                long t1 = System.nanoTime();
                int placed = 0;
                for (Channel ch : channels) {
                    placed += p.scheduler().schedule(ch).placed().size();
                }
                long planMs = (System.nanoTime() - t1) / 1_000_000;
                assertEquals(POSTS, placed);
                report(String.format("plan %s: %d posts on %d channels placed in %d ms (%.0f posts/s); queue insert"
                        + " %d ms", db, placed, CHANNELS, planMs, placed * 1000.0 / planMs, insertMs));
            }
        }
    }

    @Test
    void dispatchAThousandDuePostsAt50msLatency() throws Exception {
        requireBench();
        for (String db : List.of("sqlite", "postgresql")) {
            String url = db.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("run-" + db + ".db")
                    : TempPostgres.newDatabaseUrl();
            Map<String, String> env = Map.of(SecretKeys.ENV, SecretKeys.generate());
            try (FakeWebhookReceiver hook = new FakeWebhookReceiver("k"); FakeMediaHost serve = new FakeMediaHost();
                 Publishing p = Publishing.open(url, new TaglineHome(dir), Clock.systemUTC())) {
                hook.latency(LATENCY);
                Channel ch = p.channels().add("hook", "webhook", "me", ZoneId.of("UTC"), Map.of("url", hook.baseUrl()
                        + "/h", "media-base-url", serve.baseUrl(), "concurrency", Integer.toString(CONCURRENCY)));
                p.credentials(env).put(ch, Credential.secret("k"));
                for (int i = 0; i < DISPATCH; i++) {
                    Media m = p.media().register(TestClips.clip(dir.resolve("d-" + db), "c" + i, 0.5, 100));
                    Post post = p.posts().queue(m, ch, m.manifest().copy());
                    serve.serve(post.id(), m.videoPath()); // the video link each post checks before it is sent
                    p.posts().schedule(post.id(), post.scheduleVersion(), Clock.systemUTC().instant(),
                            Post.PlannedBy.USER);
                }
                HttpClient client = HttpClient.newHttpClient();
                EngineSettings settings = EngineSettings.defaults().withThreads(CONCURRENCY);
                long t0 = System.nanoTime();
                Worker.Summary summary;
                try (Worker w = new Worker(p, p.tokens(env, client), new Publishers(), client, settings,
                        new Random(1), "bench")) {
                    summary = w.runUntilIdle();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(DISPATCH, summary.count("PUBLISHED"));
                assertEquals(DISPATCH, hook.deliveries().size());
                double callMs = p.database().jdbc().queryOne("SELECT AVG(duration_ms) FROM attempt WHERE step = 'create'", rs -> rs.getDouble(1))
                        .orElse(0.0);
                report(String.format("  %s: %d requests at the fake platform, mean call %.1f ms", db, hook.requestCount(),
                        callMs));
                double ideal = DISPATCH * (LATENCY.toMillis() / 1000.0) / CONCURRENCY;
                report(String.format("dispatch %s: %d posts, 1 HTTP call each at %d ms, concurrency %d: %.2f s"
                        + " (%.0f posts/s); ideal %.2f s; ratio %.2f", db, DISPATCH, LATENCY.toMillis(), CONCURRENCY,
                        seconds, DISPATCH / seconds, ideal, ideal / seconds));
            }
        }
    }

    private static void report(String line) throws Exception {
        System.out.println("BENCH " + line);
        Files.writeString(Path.of("target", "bench-publish.txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
