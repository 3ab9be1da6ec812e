package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.core.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchEngineTest {
    static final ScanOptions TEXT = ScanOptions.of(Set.of("in"), Set.of("out"));

    @TempDir
    Path dir;

    /** Upper-cases each file into a {@code .out} sidecar; content words trigger failures. */
    static class UpperJob implements BatchJob<String, String> {
        final List<String> written = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile int maxInFlight;
        String settings = "v1";
        int batch = 3;
        StopSignal stopAfterFirst;

        @Override
        public String name() {
            return "upper";
        }

        @Override
        public String fingerprint() {
            return settings;
        }

        @Override
        public int batchSize() {
            return batch;
        }

        @Override
        public String prepare(ScanEntry entry) throws IOException {
            prepared.incrementAndGet();
            maxInFlight = Math.max(maxInFlight, inFlight.incrementAndGet());
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = Files.readString(entry.path());
            if (text.equals("unreadable")) {
                throw new IOException("Permission denied");
            }
            return text;
        }

        @Override
        public List<String> run(List<String> batch) {
            if (batch.contains("model-error")) {
                throw new IllegalStateException("model failed on a batch");
            }
            if (batch.contains("model-crash")) {
                throw new OutOfMemoryError("simulated");
            }
            return batch.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
        }

        @Override
        public String write(ScanEntry entry, String result) {
            inFlight.decrementAndGet();
            if (result.equals("DISK-FULL")) {
                throw new TaglineException("Cannot write " + entry.key() + ".out: No space left on device", "");
            }
            AtomicFiles.writeString(entry.path().resolveSibling(entry.path().getFileName() + ".out"), result);
            written.add(entry.key());
            if (stopAfterFirst != null) {
                stopAfterFirst.request();
            }
            return result;
        }
    }

    private List<String> files(int n) throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = String.format("f%03d.in", i);
            Files.writeString(dir.resolve(key), "item " + i);
            keys.add(key);
        }
        return keys;
    }

    private BatchSummary run(BatchSettings settings, UpperJob job, StopSignal stop, List<String> failures) {
        BatchObserver observer = new BatchObserver() {
            @Override
            public void itemFailed(ScanEntry entry, String problem) {
                failures.add(problem);
            }
        };
        return new BatchEngine(settings, Progress.Factory.NONE, stop, observer).run(dir, job);
    }

    private BatchSummary run(BatchSettings settings, UpperJob job) {
        return run(settings, job, new StopSignal(), new ArrayList<>());
    }

    private static BatchSettings settings() {
        return BatchSettings.defaults(TEXT).withChunk(4).withWorkers(3);
    }

    @Test
    void writesEveryItemInScanOrderAndAResumedRunSkipsThem() throws IOException {
        List<String> keys = files(23);
        UpperJob job = new UpperJob();
        BatchSummary first = run(settings(), job);
        assertEquals(keys, job.written, "writer sees scan order despite parallel prepare");
        assertEquals(23, first.total());
        assertEquals(23, first.done());
        assertEquals("ITEM 7", Files.readString(dir.resolve("f007.in.out")));

        UpperJob again = new UpperJob();
        BatchSummary second = run(settings(), again);
        assertEquals(0, again.prepared.get(), "nothing is redone");
        assertEquals(23, second.resumed());
        assertEquals(0, second.total());
    }

    /** dogfood item 9: a dataset whose .tagline/ cannot be made (read-only) could not be checked at all. */
    @Test
    void aDatasetWhoseStateFolderCannotBeMadeKeepsItsJournalInTheFallbackAndResumesThere(@TempDir Path home)
            throws IOException {
        files(5);
        Files.writeString(dir.resolve(ScanOptions.STATE_DIR), "in the way, as a read-only folder would be");
        assertThrows(TaglineException.class, () -> run(settings(), new UpperJob()), "no fallback: the run fails");
        List<String> said = new ArrayList<>();
        BatchObserver observer = new BatchObserver() {
            @Override
            public void stateElsewhere(Path stateDir, String why) {
                said.add(stateDir + " | " + why);
            }
        };
        BatchSettings fallback = settings().withStateFallback(home.resolve("journals"));
        BatchSummary first = new BatchEngine(fallback, Progress.Factory.NONE, new StopSignal(), observer)
                .run(dir, new UpperJob());
        assertEquals(5, first.done());
        assertTrue(first.journal().startsWith(home.resolve("journals")), first.journal().toString());
        assertEquals(1, said.size());
        assertTrue(said.get(0).endsWith(" | " + dir.resolve(ScanOptions.STATE_DIR)
                + " cannot be created (a file of that name is in the way)"), said.get(0));
        UpperJob again = new UpperJob();
        assertEquals(5, new BatchEngine(fallback.withRestart(false), Progress.Factory.NONE, new StopSignal(),
                observer).run(dir, again).resumed(), "the same dataset finds its journal again");
        assertEquals(0, again.prepared.get());
    }

    @Test
    void eachWorkerThreadIsSetUpOnceBeforeItPreparesAndAFailingSetUpLosesNothing() throws IOException {
        List<String> keys = files(12);
        java.util.Set<Thread> setUp = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Thread> preparedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        UpperJob job = new UpperJob() {
            @Override
            public void workerStarted() {
                calls.incrementAndGet();
                setUp.add(Thread.currentThread());
                throw new IllegalStateException("setup is an optimisation");
            }

            @Override
            public String prepare(ScanEntry entry) throws IOException {
                // an item prepared on a thread that was not set up fails, and the test with it
                assertTrue(setUp.contains(Thread.currentThread()), "prepared on a thread that was not set up");
                preparedOn.add(Thread.currentThread());
                return super.prepare(entry);
            }
        };
        BatchSummary summary = run(settings(), job);
        assertEquals(keys, job.written);
        assertEquals(12, summary.done());
        assertEquals(calls.get(), setUp.size(), "once per thread");
        assertTrue(setUp.size() <= 3, "no more threads than workers: " + setUp.size());
        assertTrue(setUp.containsAll(preparedOn));
        assertTrue(setUp.stream().allMatch(t -> t.getName().startsWith("tagline-upper-prepare-")),
                "worker threads: " + setUp);
    }

    @Test
    void changedSettingsOrRestartRedoTheWork() throws IOException {
        files(5);
        run(settings(), new UpperJob());
        UpperJob changed = new UpperJob();
        changed.settings = "v2";
        assertEquals(5, run(settings(), changed).done(), "a journal of other settings is not trusted");
        UpperJob restarted = new UpperJob();
        restarted.settings = "v2";
        assertEquals(5, run(settings().withRestart(true), restarted).done());
    }

    @Test
    void failuresArePerItemCountedAndNamedAndTheRunGoesOn() throws IOException {
        files(10);
        Files.writeString(dir.resolve("f002.in"), "unreadable");
        Files.writeString(dir.resolve("f006.in"), "model-error");
        UpperJob job = new UpperJob();
        List<String> failures = new ArrayList<>();
        BatchSummary summary = run(settings(), job, new StopSignal(), failures);
        assertEquals(8, summary.done());
        assertEquals(2, summary.failed());
        assertEquals(List.of("f002.in: IOException: Permission denied",
                "f006.in: IllegalStateException: model failed on a batch"), failures);
        assertTrue(job.written.contains("f007.in"), "the batch-mates of a model failure are still done");
        UpperJob retry = new UpperJob();
        run(settings(), retry);
        assertEquals(2, retry.prepared.get(), "failed items are tried again by the next run");
    }

    @Test
    void limitDoesAtMostNAndTheNextRunContinues() throws IOException {
        files(10);
        UpperJob job = new UpperJob();
        assertEquals(4, run(settings().withLimit(4), job).done());
        assertEquals(List.of("f000.in", "f001.in", "f002.in", "f003.in"), job.written);
        UpperJob rest = new UpperJob();
        assertEquals(6, run(settings(), rest).done());
    }

    @Test
    void shardsAreDisjointCoverEverythingAndAreDeterministic() throws IOException {
        List<String> keys = files(40);
        Set<String> union = new HashSet<>();
        int sum = 0;
        for (int i = 1; i <= 3; i++) {
            UpperJob job = new UpperJob();
            run(settings().withShard(new Shard(i, 3)), job);
            List<String> again = keys.stream().filter(new Shard(i, 3)::contains).toList();
            assertEquals(again, job.written, "shard " + i + " is a pure function of the keys");
            assertFalse(job.written.isEmpty());
            union.addAll(job.written);
            sum += job.written.size();
        }
        assertEquals(40, sum, "no item in two shards");
        assertEquals(new HashSet<>(keys), union);
    }

    @Test
    void stopFinishesTheCurrentChunkAndTheNextRunDoesTheRest() throws IOException {
        files(60);
        StopSignal stop = new StopSignal();
        UpperJob job = new UpperJob();
        job.stopAfterFirst = stop;
        BatchSummary summary = run(settings(), job, stop, new ArrayList<>());
        assertTrue(summary.stopped());
        assertEquals(0, summary.done() % 4, "stops on a chunk boundary, got " + summary.done());
        assertTrue(summary.done() < 60, "stopped early: " + summary.done());
        UpperJob rest = new UpperJob();
        assertEquals(60 - summary.done(), run(settings(), rest).done());
    }

    /**
     * Dogfood: SIGTERM during {@code caption} went on sending every remaining (paid) request for 30 s, because the
     * whole folder was already queued for the model; only the batch being run may finish.
     */
    @Test
    void stopSoonRunsNoBatchAfterTheOneUnderWayAndTheNextRunDoesTheRest() throws IOException {
        files(21);
        StopSignal stop = new StopSignal();
        AtomicInteger batchesRun = new AtomicInteger();
        UpperJob job = new UpperJob() {
            @Override
            public List<String> run(List<String> batch) {
                if (batchesRun.incrementAndGet() == 1) {
                    stop.requestSoon();
                    try {
                        Thread.sleep(200); // the scanner and the workers have queued the rest meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.run(batch);
            }
        };
        BatchSummary summary = run(settings(), job, stop, new ArrayList<>());
        assertTrue(summary.stopped());
        assertEquals(1, batchesRun.get(), "no batch after the one under way");
        assertEquals(3, summary.done());
        assertEquals(job.written.size(), summary.done());
        UpperJob rest = new UpperJob();
        assertEquals(18, run(settings(), rest).done());
    }

    /**
     * Dogfood round 8, K3: a job's results reached the writer only when its whole batch was back (a captioner's paid
     * answers, lost to a kill meanwhile); a result handed over mid-batch is now written and journaled at once, in the
     * order handed, and after SIGTERM the items given no result are left for the next run.
     */
    @Test
    void aResultWaitedForItsWholeBatch_nowOneHandedOverIsJournaledAtOnceAndThoseLeftAfterStopSoonRunNext()
            throws IOException {
        files(8);
        StopSignal stop = new StopSignal();
        List<Boolean> journaledAtOnce = Collections.synchronizedList(new ArrayList<>());
        UpperJob job = new UpperJob() {
            @Override
            public void run(List<String> batch, Results<String> results) {
                for (int i = batch.size() - 1; i >= 0; i--) { // last first: order is the job's
                    if (results.stopping()) {
                        return;
                    }
                    int want = journaledAtOnce.size() + 1;
                    results.accept(i, batch.get(i).toUpperCase(java.util.Locale.ROOT));
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (System.nanoTime() < deadline && journaled() < want) {
                        sleep(1);
                    }
                    journaledAtOnce.add(journaled() >= want);
                    if (journaledAtOnce.size() == 6) {
                        stop.requestSoon();
                    }
                }
            }

            private void sleep(long millis) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            private long journaled() {
                long[] n = {0};
                Journal.replay(Journal.file(dir, name(), fingerprint(), Shard.ALL), e -> n[0]++);
                return n[0];
            }
        };
        job.batch = 4;
        BatchSummary summary = run(settings().withChunk(1), job, stop, new ArrayList<>());
        assertEquals(List.of(true, true, true, true, true, true), journaledAtOnce);
        assertEquals(List.of("f003.in", "f002.in", "f001.in", "f000.in", "f007.in", "f006.in"), job.written);
        assertTrue(summary.stopped());
        assertEquals(6, summary.done());
        UpperJob rest = new UpperJob();
        assertEquals(2, run(settings(), rest).done());
        assertEquals(List.of("f004.in", "f005.in"), rest.written);
    }

    @Test
    void aFatalWriteErrorStopsTheRunAndKeepsCommittedChunks() throws IOException {
        files(10);
        Files.writeString(dir.resolve("f009.in"), "disk-full");
        TaglineException e = assertThrows(TaglineException.class, () -> run(settings(), new UpperJob()));
        assertTrue(e.getMessage().contains("f009.in") && e.getMessage().contains("No space left"), e.getMessage());
        assertTrue(e.hint().contains("run again to resume"), e.hint());
        Files.writeString(dir.resolve("f009.in"), "fixed");
        UpperJob after = new UpperJob();
        run(settings(), after);
        assertEquals(List.of("f009.in"), after.written, "only the item that stopped it is redone: the items"
                + " written before it are journaled too, not only the finished chunks");
    }

    /**
     * Dogfood round 9, L1: a run stopped by a write error returned while its model thread was still inside the
     * model, and the caller closed the ONNX sessions under it (the web app's next tag job then crashed the JVM). The
     * run now ends only once the model thread has left the model; the job is told to stop meanwhile.
     */
    @Test
    void aTagJobStoppedByAWriteErrorEndsOnlyAfterItsModelThreadLeftTheModel() throws IOException {
        files(4);
        Files.writeString(dir.resolve("f000.in"), "disk-full");
        SlowSecondItemJob job = new SlowSecondItemJob();
        TaglineException e = assertThrows(TaglineException.class, () -> run(settings(), job));
        assertTrue(e.getMessage().contains("f000.in"), e.getMessage());
        assertTrue(job.modelCalls.get() > 0, "the model ran");
        assertFalse(job.inModel.get(), "the run ended while its model thread was still inside the model");
        assertFalse(job.modelThread.isAlive(), "the run ended before its model thread did");
        assertTrue(job.toldToStop, "the job was not told to stop");
    }

    /** The same for a stop (SIGTERM) at a chunk boundary while the model runs the next batch. */
    @Test
    void aStoppedRunEndsOnlyAfterItsModelThreadLeftTheModel() throws IOException {
        files(4);
        StopSignal stop = new StopSignal();
        SlowSecondItemJob job = new SlowSecondItemJob();
        job.stopAfterFirst = stop;
        BatchSummary summary = run(settings().withChunk(1), job, stop, new ArrayList<>());
        assertTrue(summary.stopped());
        assertFalse(job.inModel.get(), "the run ended while its model thread was still inside the model");
        assertFalse(job.modelThread.isAlive(), "the run ended before its model thread did");
    }

    /**
     * Gives a batch's first result at once, then stays half a second "inside the model" on the second, deaf to
     * interrupts as a native ONNX Runtime call is.
     */
    static final class SlowSecondItemJob extends UpperJob {
        final java.util.concurrent.atomic.AtomicBoolean inModel = new java.util.concurrent.atomic.AtomicBoolean();
        final AtomicInteger modelCalls = new AtomicInteger();
        volatile Thread modelThread;
        volatile boolean toldToStop;

        SlowSecondItemJob() {
            batch = 2;
        }

        @Override
        public void run(List<String> batch, Results<String> results) {
            modelThread = Thread.currentThread();
            inModel.set(batch.size() > 1); // runs on the second item while the first is written
            modelCalls.incrementAndGet();
            results.accept(0, batch.get(0).toUpperCase(java.util.Locale.ROOT));
            if (batch.size() < 2) {
                return;
            }
            long end = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // a native call does not see interrupts either
                }
            }
            toldToStop = results.stopping();
            inModel.set(false);
            results.accept(1, batch.get(1).toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Dogfood round 7 J4: a run stopped at its first item showed "none failed" above the error, and its hint said
     * "Finished chunks are kept: fix this and run again to resume" with nothing done, after a hint that already said
     * to run again.
     */
    @Test
    void aStopAtTheFirstItemSaidNoneFailedAndFinishedChunksAreKept_nowOneFailedAndOneRunAgain() throws IOException {
        files(3);
        Files.writeString(dir.resolve("f000.in"), "disk-full");
        long[] failed = {0};
        Progress.Factory factory = (task, total, unit) -> new Progress() {
            @Override
            public void advance(long n) {
            }

            @Override
            public void jumpTo(long done) {
            }

            @Override
            public void failed(long items) {
                failed[0] = items;
            }

            @Override
            public void close() {
            }
        };
        TaglineException e = assertThrows(TaglineException.class, () -> new BatchEngine(settings().withWorkers(1),
                factory, new StopSignal(), BatchObserver.NONE).run(dir, new UpperJob()));
        assertEquals(1, failed[0], "the item that stopped the run is one failed");
        assertFalse(e.hint().contains("kept"), e.hint());
        assertTrue(e.hint().endsWith("Fix this, then run the same command again."), e.hint());
        assertEquals("Wait, then run again.", BatchEngine.runAgain("Wait, then run again.", false));
        assertEquals("Wait, then run again. The items done so far are kept; the run resumes after them.",
                BatchEngine.runAgain("Wait, then run again.", true));
    }

    @Test
    void theScannerNeverRunsFarAheadOfTheWriter() throws IOException {
        files(300);
        UpperJob job = new UpperJob();
        run(settings().withChunk(50), job);
        assertTrue(job.maxInFlight <= 16 + 3 + 2 * 3 + 2 + 3 + 2,
                "prepared but unwritten items stay bounded, saw " + job.maxInFlight);
    }

    @Test
    void progressCountsEveryItemAndFailure() throws IOException {
        files(6);
        Files.writeString(dir.resolve("f001.in"), "unreadable");
        long[] seen = new long[3];
        Progress.Factory factory = (task, total, unit) -> {
            seen[0] = total;
            return new Progress() {
                @Override
                public void advance(long units) {
                    seen[1] += units;
                }

                @Override
                public void failed(long items) {
                    seen[2] = items;
                }

                @Override
                public void jumpTo(long done) {
                }

                @Override
                public void close() {
                }
            };
        };
        new BatchEngine(settings(), factory, new StopSignal(), BatchObserver.NONE).run(dir, new UpperJob());
        assertEquals(List.of(6L, 6L, 1L), IntStream.range(0, 3).mapToObj(i -> seen[i]).toList());
    }

    @Test
    void anErrorInTheModelThreadEndsTheRunInsteadOfHangingIt() throws IOException {
        files(6);
        Files.writeString(dir.resolve("f003.in"), "model-crash");
        TaglineException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(TaglineException.class, () -> run(settings(), new UpperJob())));
        assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
    }

    @Test
    void aFileChangedSinceItWasDoneIsDoneAgain() throws IOException {
        files(8);
        run(settings(), new UpperJob());
        Files.writeString(dir.resolve("f005.in"), "changed");
        Files.setLastModifiedTime(dir.resolve("f005.in"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        UpperJob again = new UpperJob();
        BatchSummary s = run(settings(), again);
        assertEquals(List.of("f005.in"), again.written);
        assertEquals(7, s.resumed());
        List<String> records = new ArrayList<>();
        Journal.replay(s.journal(), e -> records.add(e.key() + "=" + e.record()));
        assertEquals(8, records.size(), "one record per file: the latest");
        assertTrue(records.contains("f005.in=CHANGED"), records.toString());
    }
}
