package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The threads of one run: a scanner feeding prepare tasks to the workers in scan order, and a model thread taking the
 * prepared items in that same order, batching them and handing results to the writer through {@link #take()}. Both
 * queues are bounded, so a fast scanner never holds more than a few batches in memory. (About 340 lines: the hand-offs
 * between the three threads are easier to check when they sit together.)
 */
final class Pipeline<I, R> {
    /** A result (or failure) on its way to the writer; {@code end} closes the stream. */
    record Done<R>(ScanEntry entry, R result, String failure, boolean end, Throwable error) {
    }

    private record Slot<I>(ScanEntry entry, Future<I> future, boolean end, Throwable error) {
    }

    private final BatchJob<I, R> job;
    private final BatchSettings settings;
    private final StopSignal stop;
    private final BatchObserver observer;
    private final ExecutorService workers;
    private final BlockingQueue<Slot<I>> ordered;
    private final BlockingQueue<Done<R>> results;
    private final AtomicLong unreadable = new AtomicLong();
    private volatile boolean aborted;
    private volatile boolean stopped;
    private Thread scanner;
    private Thread model;

    Pipeline(BatchJob<I, R> job, BatchSettings settings, StopSignal stop, BatchObserver observer) {
        this.job = job;
        this.settings = settings;
        this.stop = stop;
        this.observer = observer;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(),
                r -> daemon(() -> {
                    try {
                        job.workerStarted();
                    } catch (RuntimeException e) {
                        // setup is an optimisation: the worker prepares items all the same
                    }
                    r.run();
                }, "tagline-" + job.name() + "-prepare-" + n.incrementAndGet()));
        int batch = Math.max(1, job.batchSize());
        // Room for the workers to run ahead of a slow item at the head of the line (a 12 MP photo among thumbnails)
        // without idling; the queue holds prepared inputs, so its size bounds memory.
        this.ordered = new ArrayBlockingQueue<>(Math.max(16, 4 * settings.workers()) + batch);
        this.results = new ArrayBlockingQueue<>(2 * batch + 2);
    }

    void start(Path root, Predicate<ScanEntry> wanted) {
        scanner = daemon(() -> scan(root, wanted), "tagline-" + job.name() + "-scan");
        model = daemon(this::runModel, "tagline-" + job.name() + "-model");
        scanner.start();
        model.start();
    }

    Done<R> take() throws InterruptedException {
        return results.take();
    }

    boolean stopped() {
        return stopped;
    }

    long unreadableFolders() {
        return unreadable.get();
    }

    /**
     * Stops every thread (a fatal error, or the end of the run) and returns once none of them runs any more; what is
     * queued is dropped. The batch the model is running is left to finish (a native model call cannot be interrupted,
     * and the job is told it is {@link BatchJob.Results#stopping() stopping}): the caller closes the job's models
     * after the run, and a session closed under a running call crashed the JVM (dogfood round 9, L1). Waits whatever
     * interrupts come, then restores the interrupt flag.
     */
    void abort() {
        aborted = true;
        if (scanner != null) {
            scanner.interrupt();
            model.interrupt();
        }
        for (Runnable never : workers.shutdownNow()) {
            if (never instanceof Future<?> prepare) {
                prepare.cancel(false); // the model thread must not wait for a preparing that never starts
            }
        }
        boolean interrupted = false;
        for (Thread t : new Thread[] {scanner, model}) {
            while (t != null && t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        while (!workers.isTerminated()) {
            try {
                workers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void scan(Path root, Predicate<ScanEntry> wanted) {
        long[] produced = {0};
        Throwable error = null;
        try {
            new FolderScan(settings.scan()).walk(root, new FolderScan.Visitor() {
                @Override
                public boolean accept(ScanEntry entry) {
                    if (aborted) {
                        return false;
                    }
                    if (!wanted.test(entry)) {
                        return true;
                    }
                    if (produced[0] >= settings.limit()) {
                        return false;
                    }
                    if (stop.requested() && (stop.soon() || produced[0] % settings.chunkSize() == 0)) {
                        stopped = true;
                        return false;
                    }
                    Future<I> future = workers.submit(() -> job.prepare(entry));
                    put(ordered, new Slot<>(entry, future, false, null));
                    produced[0]++;
                    return true;
                }

                @Override
                public void unreadable(Path dir, java.io.IOException e) {
                    unreadable.incrementAndGet();
                    observer.folderUnreadable(dir, e instanceof FolderScan.BadName ? e.getMessage()
                            : "cannot list " + dir + ": " + FolderScan.listProblem(e));
                }
            });
        } catch (RuntimeException | Error e) {
            error = e;
        }
        if (!aborted) {
            put(ordered, new Slot<>(null, null, true, error));
        }
    }

    private void runModel() {
        List<Slot<I>> batch = new ArrayList<>();
        try {
            while (!aborted) {
                Slot<I> slot = ordered.take();
                if (slot.end()) {
                    if (stop.soon()) {
                        dropWaiting(batch);
                    }
                    flush(batch);
                    put(new Done<>(null, null, null, true, slot.error()));
                    return;
                }
                batch.add(slot);
                if (stop.soon()) {
                    dropWaiting(batch);
                } else if (batch.size() >= Math.max(1, job.batchSize())) {
                    flush(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // never leave the writer waiting: hand it the failure as the end of the stream
            put(new Done<>(null, null, null, true, e));
        }
    }

    /**
     * SIGTERM: the batch the model was running when it came is the last; what waits for the model (paid requests for
     * a captioner) is left for the next run, unjournaled, and its preparing is called off where it has not begun.
     */
    private void dropWaiting(List<Slot<I>> batch) {
        if (!batch.isEmpty()) {
            batch.forEach(waiting -> waiting.future().cancel(false));
            batch.clear();
            stopped = true;
        }
    }

    /**
     * Runs one batch: each item goes to the writer as the job hands its result over
     * ({@link BatchJob#run(List, BatchJob.Results)}); an item whose preparing failed goes just before the first
     * result of an item after it in the batch, so that a job giving its results in order keeps scan order.
     */
    private void flush(List<Slot<I>> batch) throws InterruptedException {
        List<I> inputs = new ArrayList<>();
        List<ScanEntry> prepared = new ArrayList<>();
        java.util.Deque<Done<R>> unprepared = new java.util.ArrayDeque<>();
        List<Integer> before = new ArrayList<>(); // per input: how many unprepared items precede it in the batch
        for (Slot<I> slot : batch) {
            try {
                inputs.add(slot.future().get());
                prepared.add(slot.entry());
                before.add(unprepared.size());
            } catch (ExecutionException e) {
                unprepared.add(new Done<>(slot.entry(), null, describe(slot.entry(), e.getCause()), false, null));
            }
        }
        batch.clear();
        int total = unprepared.size();
        java.util.function.IntConsumer precede = index -> {
            synchronized (unprepared) {
                while (total - unprepared.size() < before.get(index)) {
                    put(unprepared.poll());
                }
            }
        };
        runSafely(prepared, inputs, precede);
        synchronized (unprepared) {
            while (!unprepared.isEmpty()) {
                put(unprepared.poll());
            }
        }
    }

    /**
     * Runs the model on the batch, passing each result on as it comes (after {@code precede} with its index); when
     * the batch fails, runs the items it gave no result for one by one, so one bad image fails alone.
     */
    private void runSafely(List<ScanEntry> entries, List<I> inputs, java.util.function.IntConsumer precede) {
        if (inputs.isEmpty() || aborted) {
            return;
        }
        java.util.concurrent.atomic.AtomicIntegerArray given = new java.util.concurrent.atomic.AtomicIntegerArray(
                inputs.size());
        RuntimeException failure = null;
        try {
            job.run(inputs, new BatchJob.Results<>() {
                @Override
                public void accept(int index, R result) {
                    if (!given.compareAndSet(index, 0, 1)) {
                        throw new IllegalStateException(job.name() + " gave item " + index + " two results");
                    }
                    precede.accept(index);
                    put(new Done<>(entries.get(index), result, null, false, null));
                }

                @Override
                public boolean stopping() {
                    return stop.soon() || aborted;
                }
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (given.get(i) == 0) {
                left.add(i);
            }
        }
        if (failure != null && left.isEmpty()) {
            throw failure; // every result given: a fault of the job's own, after its work
        } else if (failure != null && inputs.size() == 1) {
            precede.accept(0);
            put(new Done<>(entries.get(0), null, describe(entries.get(0), failure), false, null));
        } else if (failure != null) {
            for (int i : left) {
                int at = i;
                runSafely(List.of(entries.get(i)), List.of(inputs.get(i)), only -> precede.accept(at));
            }
        } else if (!left.isEmpty() && stop.soon()) {
            stopped = true; // not begun when SIGTERM came: left for the next run, unjournaled
        } else {
            IllegalStateException missing = new IllegalStateException(job.name() + " gave no result");
            for (int i : left) {
                precede.accept(i);
                put(new Done<>(entries.get(i), null, describe(entries.get(i), missing), false, null));
            }
        }
    }

    /**
     * Hands {@code done} to the writer, from the model thread or a job's own threads; dropped once the run is aborted
     * (the writer stopped taking) or on an interrupt.
     */
    private void put(Done<R> done) {
        try {
            while (!aborted && !results.offer(done, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the writer is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
        }
    }

    static String describe(ScanEntry entry, Throwable t) {
        String why = t instanceof TaglineException te ? te.oneLine()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return entry.key() + ": " + why;
    }

    /** Queues {@code slot} for the model thread; dropped once the run is aborted (the model stopped taking). */
    private void put(BlockingQueue<Slot<I>> queue, Slot<I> slot) {
        try {
            while (!aborted && !queue.offer(slot, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the model is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
