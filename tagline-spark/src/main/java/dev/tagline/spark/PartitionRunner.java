package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ItemFailedException;
import dev.tagline.core.batch.ScanEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * The work of one Spark partition, done the way the CLI's engine does it: for each item {@code prepare}, then
 * {@code run} on batches of the job's size (one batch at a time per JVM, like the engine's single model thread; a
 * failing batch is redone item by item so that one bad image fails alone), then the job's row. Lazy: rows are made as
 * the writer pulls them, so a partition never holds more than one batch. Items already in the table are skipped.
 */
final class PartitionRunner<I, R> {
    private final RunContext ctx;
    private final JvmJobs.Loaded loaded;
    private final LoadedJob<I, R> shared;
    private final BatchJob<I, R> job;
    private final Path scratch;
    private final RemoteSidecars remote;

    @SuppressWarnings("unchecked")
    private PartitionRunner(RunContext ctx, JvmJobs.Loaded loaded, Path scratch) {
        this.ctx = ctx;
        this.loaded = loaded;
        this.shared = (LoadedJob<I, R>) loaded.job();
        this.job = shared.newJob();
        this.scratch = scratch;
        this.remote = new RemoteSidecars(shared.sidecarExtension());
    }

    /** The rows of one partition's items. */
    static Iterator<Row> run(RunContext ctx, Iterator<WorkItem> items) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("tagline-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder under " + System.getProperty(
                    "java.io.tmpdir"), e);
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> delete(scratch));
        }
        return new PartitionRunner<>(ctx, JvmJobs.get(ctx.spec(), ctx.fingerprint()), scratch).rows(items, task);
    }

    private Iterator<Row> rows(Iterator<WorkItem> items, TaskContext task) {
        boolean injected = ctx.failAfterRows() >= 0 && task != null && task.attemptNumber() == 0
                && task.partitionId() == 0;
        return new Iterator<>() {
            private final Deque<Row> ready = new ArrayDeque<>();
            private long emitted;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && items.hasNext()) {
                    nextBatch(items, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (injected && emitted == ctx.failAfterRows()) {
                    throw new IllegalStateException("spark.tagline.test.failAfterRows: attempt 0 of partition 0"
                            + " killed after " + emitted + " rows");
                }
                emitted++;
                return ready.poll();
            }
        };
    }

    private record Prepared<I>(WorkItem item, String sha256, ScanEntry entry, I input) {
    }

    /** Prepares up to one batch of items not yet done, runs it and queues its rows. */
    private void nextBatch(Iterator<WorkItem> items, Deque<Row> out) {
        List<Prepared<I>> batch = new ArrayList<>();
        int size = Math.max(1, job.batchSize());
        while (batch.size() < size && items.hasNext()) {
            WorkItem item = items.next();
            // hashed here only to skip done items; else after the job, unless its row carries the hash (check)
            String sha = ctx.done().value().size() == 0 ? "" : item.sha256();
            if (!sha.isEmpty() && ctx.done().value().contains(item.key(), sha)) {
                continue;
            }
            ScanEntry entry = item.entry(scratch);
            try {
                batch.add(new Prepared<>(item, sha, entry, job.prepare(entry)));
            } catch (Exception e) {
                out.add(failed(item, sha, entry, e));
                clean(item, entry);
            }
        }
        List<Object> outcomes = runSafely(batch);
        for (int i = 0; i < batch.size(); i++) {
            Prepared<I> p = batch.get(i);
            Object outcome = outcomes.get(i);
            out.add(outcome instanceof Throwable t ? failed(p.item(), p.sha256(), p.entry(), t) : row(p, outcome));
            clean(p.item(), p.entry());
        }
    }

    @SuppressWarnings("unchecked")
    private Row row(Prepared<I> p, Object result) {
        boolean sidecars = ctx.sidecars() && p.item().shard() == null;
        if (sidecars && p.item().local() == null) {
            remote.fetch(p.item(), p.entry());
        }
        try {
            OutputRow row = shared.row(job, p.entry(), p.input(), (R) result, sidecars);
            if (sidecars && p.item().local() == null) {
                remote.push(p.item(), p.entry());
            }
            return row.from(ctx.runId(), ctx.fingerprint(), p.item().uri(), p.item().key(), p.item().shard(),
                    p.sha256().isEmpty() && row.sha256().isEmpty() ? p.item().sha256() : p.sha256()).toRow();
        } catch (ItemFailedException e) {
            return failed(p.item(), p.sha256(), p.entry(), e);
        }
    }

    /** One result (R) or failure (Throwable) per item; the batch lock makes this JVM's model calls one at a time. */
    private List<Object> runSafely(List<Prepared<I>> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        loaded.model().lock();
        try {
            List<R> out = job.run(batch.stream().map(Prepared::input).toList());
            if (out.size() != batch.size()) {
                throw new IllegalStateException(job.name() + " returned " + out.size() + " results for "
                        + batch.size() + " inputs");
            }
            return new ArrayList<>(out);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                return List.of(e);
            }
        } finally {
            loaded.model().unlock();
        }
        List<Object> each = new ArrayList<>();
        batch.forEach(p -> each.addAll(runSafely(List.of(p))));
        return each;
    }

    private Row failed(WorkItem item, String sha, ScanEntry entry, Throwable t) {
        String why = t instanceof TaglineException te ? te.oneLine()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return OutputRow.failed(ctx.runId(), job.name(), ctx.fingerprint(), item.uri(), item.key(), item.shard(),
                sha.isEmpty() ? item.sha256() : sha, entry.key() + ": " + why).toRow();
    }

    /** Removes an item's scratch copy (and the sidecar written beside it) once its row is made. */
    private void clean(WorkItem item, ScanEntry entry) {
        if (item.local() == null) {
            delete(entry.path().getParent());
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(PartitionRunner.class)
                    .debug("cannot remove scratch {}; the OS cleans its temporary folder", dir, e);
        }
    }
}
