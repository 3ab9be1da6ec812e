package dev.tagline.web;

import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work started from the pages, run on a small background pool. Each job reports progress (done of total) and
 * checks {@link Job#cancelled()} between items, so a cancel stops it at the next item boundary. Thread-safe.
 */
final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final ExecutorService pool;
    private final Clock clock;

    Jobs(Clock clock) {
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tagline-web-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** What a job does; call {@link Job#total}, then {@link Job#step} per item, and stop when cancelled. */
    interface Work {
        String run(Job job) throws Exception;
    }

    enum State { RUNNING, DONE, CANCELLED, FAILED }

    static final class Job {
        final String id;
        final String title;
        final Instant started;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;
        private volatile long resumed;
        private volatile Progress.Unit unit = Progress.Unit.ITEMS;
        /** The task the count is of, as library code names it ("Analysing talk.mp4"); empty before the first. */
        private volatile String task = "";
        private volatile State state = State.RUNNING;
        private volatile String message = "";
        /** {@link #note}'s line, the message of a running job; empty once the count moved on. */
        private volatile String note = "";
        private final StopSignal stop = new StopSignal();
        private volatile Runnable onCancel = () -> { };
        private volatile java.util.function.Supplier<String> cancelledAs = this::cancelledAfter;

        Job(String id, String title, Instant started) {
            this.id = id;
            this.title = title;
            this.started = started;
        }

        void total(int n) {
            total = n;
        }

        /** Items an earlier run's journal had, which this run did not do again: the count says so beside its own. */
        void resumed(long n) {
            resumed = n;
        }

        void step() {
            note = "";
            done.incrementAndGet();
        }

        /**
         * A line for the user while the job runs (a server still loading its model), shown as its message until the
         * count moves on or the job ends; any thread may call it.
         */
        void note(String line) {
            note = line;
        }

        boolean cancelled() {
            return stop.requested();
        }

        /**
         * What a cancel does besides raising {@link #stop()}: work without stop points of its own (the clip finder)
         * interrupts its thread here. Runs at most once, on the cancelling thread.
         */
        void onCancel(Runnable hook) {
            onCancel = hook;
            if (stop.requested()) {
                hook.run();
            }
        }

        /**
         * The message of a cancelled job, for work whose count does not tell what a cancel kept ("Cancelled while
         * rendering talk-002 (clip 2 of 3): 1 clip rendered, …"); default {@code Cancelled after 120 of 1000}.
         */
        void describeCancel(java.util.function.Supplier<String> message) {
            cancelledAs = message;
        }

        /** The signal the batch engine polls between chunks; a cancel raises it. */
        StopSignal stop() {
            return stop;
        }

        /** Progress of library code (a batch run, a render) reported into this job. */
        Progress.Factory progress() {
            return (name, n, counted) -> {
                task = name;
                unit = counted;
                total((int) Math.min(Integer.MAX_VALUE, Math.max(0, n)));
                done.set(0);
                return new Progress() {
                    @Override
                    public void advance(long units) {
                        note = "";
                        done.addAndGet((int) units);
                    }

                    @Override
                    public void jumpTo(long position) {
                        done.set((int) position);
                    }

                    @Override
                    public void close() {
                    }
                };
            };
        }

        /** {@code Cancelled after 120 of 1000}, or for a video {@code Cancelled after 21:40 of 1:02:05}. */
        private String cancelledAfter() {
            return "Cancelled after " + unit.format(done.get()) + " of " + unit.format(total);
        }

        /** {@code 3/12}; with items from an earlier run {@code 14 (from an earlier run)} or {@code 3/3 (+11 from …)}. */
        private String count() {
            String own = unit.format(done.get()) + "/" + unit.format(total);
            if (resumed == 0) {
                return own;
            }
            return total == 0 ? resumed + " (from an earlier run)" : own + " (+" + resumed + " from an earlier run)";
        }

        State state() {
            return state;
        }

        Map<String, Object> view() {
            return Map.of("id", id, "title", title, "state", state.name().toLowerCase(java.util.Locale.ROOT),
                    "task", task, "done", done.get(), "total", total, "count",
                    count(), "message",
                    state == State.RUNNING ? note : message, "started", started.toString());
        }
    }

    Job start(String title, Work work) {
        Job job = new Job(Long.toString(next.incrementAndGet()), title, clock.instant());
        byId.put(job.id, job);
        pool.execute(() -> {
            try {
                String result = work.run(job);
                job.message = job.cancelled() ? job.cancelledAs.get() : result;
                job.state = job.cancelled() ? State.CANCELLED : State.DONE;
            } catch (Exception e) {
                if (job.cancelled()) {
                    LOG.debug("Job {} ({}) ended by its cancel", job.id, job.title, e);
                    job.message = job.cancelledAs.get();
                    job.state = State.CANCELLED;
                } else {
                    if (e instanceof dev.tagline.core.TaglineException t) {
                        // a user's error (a text file named .mp4): its one line, as the CLI prints it
                        LOG.warn("Job {} ({}) failed: {}", job.id, job.title, t.oneLine());
                        LOG.debug("Job {} failed", job.id, e);
                    } else {
                        LOG.warn("Job {} ({}) failed", job.id, job.title, e);
                    }
                    job.message = e.getMessage() == null ? e.toString() : e.getMessage();
                    job.state = State.FAILED;
                }
            } finally {
                Thread.interrupted(); // a cancel's interrupt must not reach the next job on this pool thread
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean cancel(String id) {
        Job job = byId.get(id);
        if (job == null || job.state != State.RUNNING) {
            return false;
        }
        job.stop.request();
        job.onCancel.run();
        return true;
    }

    List<Job> all() {
        List<Job> jobs = new ArrayList<>(byId.values());
        jobs.sort((a, b) -> Long.compare(Long.parseLong(b.id), Long.parseLong(a.id)));
        return jobs;
    }

    @Override
    public void close() {
        byId.values().forEach(j -> j.stop.request());
        pool.shutdownNow();
    }
}
