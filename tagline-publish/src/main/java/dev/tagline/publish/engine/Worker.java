package dev.tagline.publish.engine;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.auth.TokenSource;
import dev.tagline.publish.platform.PublisherFactory;
import dev.tagline.publish.store.JobStore;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.WorkerStore;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * The publish worker ({@code tagline publish run}): claims due posts, runs them on a thread pool within each
 * platform's concurrency limit, and keeps the leases of running posts alive with heartbeats. Any number of workers may
 * share one PostgreSQL database; claims are atomic, so each post has one owner at a time.
 */
public final class Worker implements AutoCloseable {
    private final JobStore jobs;
    private final PublishJob job;
    private final JobContext ctx;
    private final String name;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> platformSlots = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<PublishJob.Result> finished = new LinkedBlockingQueue<>();
    private final AtomicLong claims = new AtomicLong();
    private final WorkerStore workers;
    private final Instant startedAt;
    private Instant lastBeat;

    public Worker(Publishing p, TokenSource tokens, PublisherFactory publishers, HttpClient client,
                  EngineSettings settings, RandomGenerator random, String name) {
        this.jobs = p.jobs();
        this.ctx = new JobContext(jobs, p.channels(), p.media(), p.attempts(), tokens, publishers, client, p.clock(),
                new Backoff(random), settings, new ChannelCache(p.channels()));
        this.job = new PublishJob(ctx);
        this.name = name;
        this.workers = p.workers();
        this.startedAt = p.clock().instant();
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r, name + "-publish"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-heartbeat"));
        long beat = Math.max(200, settings.lease().toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Counts of how runs ended. */
    public record Summary(Map<PublishJob.Result, Integer> counts) {
        public int count(String result) {
            return counts.getOrDefault(PublishJob.Result.valueOf(result), 0);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k.name().toLowerCase()
                    .replace('_', ' ')).append(' ').append(v));
            return b.length() == 0 ? "nothing was due" : b.toString();
        }
    }

    /** Publishes until nothing is due now and nothing is running. */
    public Summary runUntilIdle() {
        return loop(() -> true, true);
    }

    /** Publishes until {@code keepGoing} turns false, sleeping {@code poll} when idle. */
    public Summary run(BooleanSupplier keepGoing) {
        return loop(keepGoing, false);
    }

    private Summary loop(BooleanSupplier keepGoing, boolean stopWhenIdle) {
        Map<PublishJob.Result, Integer> counts = new EnumMap<>(PublishJob.Result.class);
        while (keepGoing.getAsBoolean() || !inFlight.isEmpty()) {
            announce();
            int started = keepGoing.getAsBoolean() ? claimAndStart() : 0;
            if (started == 0 && inFlight.isEmpty() && (stopWhenIdle || !keepGoing.getAsBoolean())) {
                drain(counts, 0);
                break;
            }
            long waitMs = started > 0 ? 0 : inFlight.isEmpty() ? ctx.settings().poll().toMillis() : 50;
            drain(counts, waitMs);
        }
        return new Summary(counts);
    }

    /**
     * Writes this worker's heartbeat row (once a poll at most; busy loops come round every few milliseconds), so the
     * web app can tell that due posts will be picked up. A failed write is logged: publishing goes on without it.
     */
    private void announce() {
        Instant now = ctx.clock().instant();
        if (lastBeat != null && now.isBefore(lastBeat.plus(ctx.settings().poll()))) {
            return;
        }
        try {
            workers.beat(name, startedAt, ctx.settings().poll(), now);
            lastBeat = now;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Worker.class).warn("could not record worker {}'s heartbeat; the web app"
                    + " may show no worker running", name, e);
        }
    }

    private void drain(Map<PublishJob.Result, Integer> counts, long waitMs) {
        try {
            PublishJob.Result r = waitMs > 0 ? finished.poll(waitMs, TimeUnit.MILLISECONDS) : finished.poll();
            while (r != null) {
                counts.merge(r, 1, Integer::sum);
                r = finished.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int claimAndStart() {
        int free = ctx.settings().threads() - inFlight.size();
        if (free <= 0) {
            return 0;
        }
        Instant now = ctx.clock().instant();
        List<JobStore.Due> due = jobs.due(now, free * 4);
        int started = 0;
        for (JobStore.Due d : due) {
            if (started >= free || inFlight.containsKey(d.postId())) {
                continue;
            }
            Semaphore slots = platformSlots.computeIfAbsent(d.platform(), k -> new Semaphore(concurrency(d)));
            if (!slots.tryAcquire()) {
                continue;
            }
            String owner = name + ":" + claims.incrementAndGet();
            Optional<Post> claimed = jobs.claim(d, owner, now, now.plus(ctx.settings().lease()));
            if (claimed.isEmpty()) {
                slots.release();
                continue;
            }
            inFlight.put(d.postId(), owner);
            started++;
            pool.execute(() -> {
                PublishJob.Result result = PublishJob.Result.LEASE_LOST;
                try {
                    result = job.run(claimed.get(), owner);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Worker.class).warn("post {} crashed its run; its lease"
                            + " expires and the next claim reconciles it", d.postId(), e);
                } finally {
                    // free the slot before waking the claim loop, or it finds no room and waits a poll for nothing
                    inFlight.remove(d.postId());
                    slots.release();
                    finished.add(result);
                }
            });
        }
        return started;
    }

    /** The platform's concurrency, or the channel option {@code concurrency} where the account allows more. */
    private int concurrency(JobStore.Due d) {
        var channel = ctx.channelCache().get(d.channelId());
        String option = channel.option("concurrency", null);
        return option != null ? Integer.parseInt(option.strip())
                : ctx.publishers().forChannel(channel).concurrency();
    }

    private void beat() {
        Instant until = ctx.clock().instant().plus(ctx.settings().lease());
        inFlight.forEach((postId, owner) -> {
            try {
                jobs.heartbeat(postId, owner, until);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Worker.class).warn("heartbeat for post {} failed; the lease may"
                        + " expire and another worker reconcile it", postId, e);
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (lastBeat != null) {
            try {
                workers.stopped(name, ctx.clock().instant());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Worker.class).warn("could not record that worker {} stopped; it"
                        + " counts as gone once its heartbeat is old", name, e);
            }
        }
        heartbeat.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
