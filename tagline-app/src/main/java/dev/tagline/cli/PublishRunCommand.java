package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.engine.EngineSettings;
import dev.tagline.publish.engine.Worker;
import dev.tagline.publish.platform.Publishers;
import dev.tagline.publish.plan.SlotCalendar;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tagline publish run}: the worker. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish due posts until stopped (Ctrl-C finishes running posts first), or once with --once.",
            "Run several workers on one PostgreSQL database (--db) to share the load; each post is claimed by one."})
final class PublishRunCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Option(names = "--once", description = "Publish what is due now, then exit.")
    boolean once;
    @Option(names = "--threads", defaultValue = "4", description = "Posts published at once (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--lease", defaultValue = "5m", description = "How long a claim holds without a heartbeat; a dead"
            + " worker's posts are taken over after it (default: ${DEFAULT-VALUE}).")
    String lease;
    @Option(names = "--poll", defaultValue = "10s", description = "How often an idle worker looks for due posts"
            + " (default: ${DEFAULT-VALUE}).")
    String poll;
    @Option(names = "--name", description = "Worker name in the attempt log (default: host:pid).")
    String name;

    PublishRunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings settings = defaults.withThreads(threads).withTiming(parse(lease), parse(poll),
                defaults.createGrace(), defaults.reconcileEvery());
        String worker = name != null ? name : host() + ":" + ProcessHandle.current().pid();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.set(false);
            try {
                // let running posts reach a step boundary; whatever is cut off is reconciled by the next worker
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tagline-publish-stop");
        try (Publishing p = db.open(ctx);
             Worker w = new Worker(p, p.tokens(ctx.env(), client), new Publishers(), client, settings,
                     new SecureRandom(), worker)) {
            if (!once) {
                Runtime.getRuntime().addShutdownHook(hook);
                ctx.err().println("worker " + worker + " publishing from " + p.database().redacted()
                        + " (Ctrl-C to stop)");
            }
            Worker.Summary summary = once ? w.runUntilIdle() : w.run(running::get);
            ctx.out().println("run: " + summary);
            return summary.count("FAILED") + summary.count("UNCONFIRMED") + summary.count("STILL_UNCONFIRMED")
                    + summary.count("RECONNECT") > 0
                    ? ExitCode.SOME_FAILED : ExitCode.OK;
        } finally {
            stopped.countDown();
            if (!once) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    ctx.err().println("stopping: running posts were finished or left to their lease");
                }
            }
        }
    }

    private static Duration parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d+s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        return SlotCalendar.parseDuration(t);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            org.slf4j.LoggerFactory.getLogger(PublishRunCommand.class)
                    .debug("no host name; the worker is named by pid only", e);
            return "worker";
        }
    }
}
