package dev.tagline.video.signal;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an independent {@link SignalAnalyser} on a thread of its own, so that analysers that do not read each other
 * (motion, speech activity) work side by side with the pass's thread instead of after it. The wrapped analyser still
 * sees one thread and its calls in the pass's order; at most {@value #PENDING} calls wait for it (the frames and
 * blocks are fresh per call, so handing them over copies nothing), and the pass waits beyond that. {@link #finish}
 * waits for the calls still pending, so the analyser's results are complete and visible when the pass returns; the
 * first failure of the analyser is rethrown by the next call.
 */
public final class ThreadedAnalyser implements SignalAnalyser {
    static final int PENDING = 64;

    private final SignalAnalyser analyser;
    private final ThreadPoolExecutor thread;
    private final Semaphore slots = new Semaphore(PENDING);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private Future<?> last;

    public ThreadedAnalyser(SignalAnalyser analyser, String name) {
        this.analyser = analyser;
        this.thread = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tagline-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.allowCoreThreadTimeOut(true); // a pass that fails half-way leaves no thread behind
    }

    @Override
    public void onAudio(AudioBlock block) {
        submit(() -> analyser.onAudio(block));
    }

    @Override
    public void onFrame(VideoFrame frame) {
        submit(() -> analyser.onFrame(frame));
    }

    @Override
    public void finish(Duration end) {
        submit(() -> analyser.finish(end));
        try {
            last.get(); // one thread, in order: when the last call is done, all are
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("The analysis was interrupted", "");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // submit's task catches what the analyser throws
        } finally {
            thread.shutdown();
        }
        rethrow();
    }

    private void submit(Runnable call) {
        rethrow();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("The analysis was interrupted", "");
        }
        last = thread.submit(() -> {
            try {
                if (failure.get() == null) {
                    call.run();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            thread.shutdownNow();
            throw e;
        }
    }
}
