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
 * queues are bounded, so a fast scanner never holds more than a few batches in memory. (About 220 lines: the hand-offs
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

    /** Stops every thread now (fatal error); what is queued is dropped. */
    void abort() {
        aborted = true;
        if (scanner != null) {
            scanner.interrupt();
            model.interrupt();
        }
        workers.shutdownNow();
    }

    private void scan(Path root, Predicate<ScanEntry> wanted) {
        long[] produced = {0};
        Throwable error = null;
        try {
            new FolderScan(settings.scan()).walk(root, new FolderScan.Visitor() {
                @Override
                public boolean accept(ScanEntry entry) {
                    if (!wanted.test(entry)) {
                        return true;
                    }
                    if (aborted || produced[0] >= settings.limit()) {
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
            while (true) {
                Slot<I> slot = ordered.take();
                if (slot.end()) {
                    if (stop.soon()) {
                        dropWaiting(batch);
                    }
                    flush(batch);
                    results.put(new Done<>(null, null, null, true, slot.error()));
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
            try {
                results.put(new Done<>(null, null, null, true, e));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
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

    private void flush(List<Slot<I>> batch) throws InterruptedException {
        List<I> inputs = new ArrayList<>();
        List<ScanEntry> prepared = new ArrayList<>();
        String[] failures = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Slot<I> slot = batch.get(i);
            try {
                inputs.add(slot.future().get());
                prepared.add(slot.entry());
            } catch (ExecutionException e) {
                failures[i] = describe(slot.entry(), e.getCause());
            }
        }
        List<Outcome<R>> outcomes = runSafely(prepared, inputs);
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            ScanEntry entry = batch.get(i).entry();
            Outcome<R> outcome = failures[i] == null ? outcomes.get(next++) : new Outcome<>(null, failures[i]);
            results.put(new Done<>(entry, outcome.result(), outcome.failure(), false, null));
        }
        batch.clear();
    }

    private record Outcome<R>(R result, String failure) {
    }

    /** Runs the model on the batch; when the batch fails, runs its items one by one so one bad image fails alone. */
    private List<Outcome<R>> runSafely(List<ScanEntry> entries, List<I> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        try {
            List<R> out = job.run(inputs);
            if (out.size() != inputs.size()) {
                throw new IllegalStateException(job.name() + " returned " + out.size() + " results for "
                        + inputs.size() + " inputs");
            }
            return out.stream().map(r -> new Outcome<R>(r, null)).toList();
        } catch (RuntimeException e) {
            if (inputs.size() == 1) {
                return List.of(new Outcome<>(null, describe(entries.get(0), e)));
            }
            List<Outcome<R>> each = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                each.addAll(runSafely(List.of(entries.get(i)), List.of(inputs.get(i))));
            }
            return each;
        }
    }

    static String describe(ScanEntry entry, Throwable t) {
        String why = t instanceof TaglineException te ? te.oneLine()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return entry.key() + ": " + why;
    }

    private void put(BlockingQueue<Slot<I>> queue, Slot<I> slot) {
        try {
            queue.put(slot);
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
