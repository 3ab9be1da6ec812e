package dev.tagline.publish.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.TestClips;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.SecretKeys;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.TempPostgres;
import dev.tagline.testkit.platform.FakeHttpServer;
import dev.tagline.testkit.platform.FakeYouTube;
import dev.tagline.publish.platform.Publishers;
import java.io.BufferedReader;
import java.net.http.HttpClient;
import java.util.Random;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a worker JVM at every step of a YouTube publish (between steps, and while each kind of request is in
 * flight, with the platform then processing the orphaned request), restart a worker, and check: exactly one video on the fake
 * platform, and the post published with that video's id. On SQLite and PostgreSQL.
 */
class KillNineIT {
    static final int SIZE = 1024 * 1024 + 1000;
    @TempDir
    Path dir;

    static Stream<Arguments> points() {
        List<Arguments> all = new ArrayList<>();
        for (String db : List.of("sqlite", "postgresql")) {
            for (String point : List.of("upload:before", "upload:after", "create:before", "create:after",
                    "status:before", "status:after", "server:init", "server:chunk", "server:final", "server:status")) {
                all.add(Arguments.of(db, point));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: kill -9 at {1}")
    @MethodSource("points")
    void exactlyOnePostAfterAKillAnywhere(String db, String point) throws Exception {
        String url = db.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("publish.db") : TempPostgres.newDatabaseUrl();
        String key = SecretKeys.generate();
        try (FakeYouTube yt = new FakeYouTube(Clock.systemUTC(), "cid", "csecret")) {
            long postId = setUp(url, key, yt);
            FakeHttpServer.Pause pause = point.startsWith("server:") ? yt.pauseNext(match(point)) : null;
            Process first = start(url, key, pause == null ? point : "none");
            if (pause != null) {
                assertTrue(pause.awaitArrival(Duration.ofSeconds(60)), "request for " + point + " arrived");
                kill(first);
                pause.release();
                Thread.sleep(300);
            } else {
                assertEquals("AT " + point, awaitLine(first, "AT "), "worker reached " + point);
                kill(first);
            }
            try (Publishing p = Publishing.open(url, new TaglineHome(dir.resolve("home")), Clock.systemUTC());
                 Worker restarted = new Worker(p, p.tokens(Map.of(SecretKeys.ENV, key), HttpClient.newHttpClient()),
                         new Publishers(), HttpClient.newHttpClient(), WorkerProcessMain.SETTINGS, new Random(),
                         "restarted")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                restarted.run(() -> System.nanoTime() < deadline && WorkerProcessMain.unfinished(p) > 0);
                Post post = p.posts().byId(postId);
                assertEquals(1, yt.videos().size(), "exactly one video after kill -9 at " + point);
                assertEquals(PostState.PUBLISHED, post.state());
                assertEquals(yt.videos().get(0).id(), post.externalId());
                assertEquals(SIZE, yt.videos().get(0).bytes());
            }
        }
    }

    private long setUp(String url, String key, FakeYouTube yt) {
        try (Publishing p = Publishing.open(url, new TaglineHome(dir.resolve("home")), Clock.systemUTC())) {
            String access = yt.oauth().grant("rt", Duration.ofHours(1));
            Channel c = p.channels().add("yt", "youtube", "me", java.time.ZoneId.of("UTC"), Map.of("api-base",
                    yt.baseUrl(), "token-url", yt.baseUrl() + "/token", "chunk-kib", "256"));
            p.credentials(Map.of(SecretKeys.ENV, key)).put(c, new Credential("cid", "csecret", access, "rt",
                    Clock.systemUTC().instant().plus(Duration.ofHours(1)), null));
            Media m = p.media().register(TestClips.clip(dir.resolve("clips"), "k", 0.5, SIZE));
            Post post = p.posts().queue(m, c, m.manifest().copyFor("youtube"));
            p.posts().schedule(post.id(), post.scheduleVersion(), Clock.systemUTC().instant(), Post.PlannedBy.USER);
            return post.id();
        }
    }

    private static Predicate<HttpExchange> match(String point) {
        return ex -> {
            String method = ex.getRequestMethod();
            String range = ex.getRequestHeaders().getFirst("Content-Range");
            return switch (point) {
                case "server:init" -> method.equals("POST") && ex.getRequestURI().getPath().startsWith("/upload");
                case "server:chunk" -> method.equals("PUT") && range != null && range.startsWith("bytes 0-");
                case "server:final" -> method.equals("PUT") && range != null && range.endsWith("-" + (SIZE - 1) + "/"
                        + SIZE);
                case "server:status" -> method.equals("GET") && ex.getRequestURI().getPath().equals("/youtube/v3/videos");
                default -> false;
            };
        };
    }

    private final Map<Process, LinkedBlockingQueue<String>> output = new java.util.concurrent.ConcurrentHashMap<>();

    private Process start(String url, String key, String crashAt) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                WorkerProcessMain.class.getName(), url, dir.resolve("home").toString(), crashAt, "60");
        pb.environment().put(SecretKeys.ENV, key);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        output.put(process, lines);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("READ FAILED " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private String awaitLine(Process process, String prefix) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            String line = output.get(process).poll(1, TimeUnit.SECONDS);
            if (line != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.append(line).append('\n');
            }
        }
        process.destroyForcibly();
        throw new AssertionError("no '" + prefix + "' line from the worker; it printed:\n" + seen);
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, leases left behind. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }
}
