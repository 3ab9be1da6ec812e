package dev.tagline.publish.engine;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.platform.Publishers;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A worker JVM for the reliability tests: {@code DB_URL HOME CRASH_POINT SECONDS}. Publishes (with the named crash
 * point armed, or {@code none}) until no post is left unfinished or the time is up, then prints {@code DONE}.
 */
public final class WorkerProcessMain {
    /** One-second leases so a killed worker's post is taken over quickly. */
    static final EngineSettings SETTINGS = new EngineSettings(2, Duration.ofSeconds(1), Duration.ofMillis(50), 8,
            Duration.ofSeconds(1), Duration.ofMillis(200), 5);

    private WorkerProcessMain() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Path home = Path.of(args[1]);
        String crashAt = args[2];
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[3]));
        EngineSettings settings = SETTINGS;
        HttpClient client = HttpClient.newHttpClient();
        Publishers real = new Publishers();
        try (Publishing p = Publishing.open(url, new TaglineHome(home), Clock.systemUTC());
             Worker w = new Worker(p, p.tokens(System.getenv(), client),
                     c -> new CrashingPublisher(real.forChannel(c), crashAt), client, settings, new Random(),
                     "pid" + ProcessHandle.current().pid())) {
            w.run(() -> Instant.now().isBefore(deadline) && unfinished(p) > 0);
            System.out.println("DONE unfinished=" + unfinished(p));
        }
    }

    static int unfinished(Publishing p) {
        return p.database().jdbc().queryOne("SELECT COUNT(*) FROM post WHERE state NOT IN ('published', 'failed',"
                + " 'cancelled')", rs -> rs.getInt(1)).orElse(0);
    }
}
