package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs the {@link CaptionPass} over one batch and hands each image's outcome over as soon as it is known. A captioner
 * that takes several images at once ({@link Captioner#concurrency()}: a server) gets each image on its own, at most
 * {@code concurrency} at once, so that a paid answer is written and journaled when it comes back, not when the
 * batch's slowest request does, and a {@code kill -9} loses none that came back (dogfood round 8, K3). An image not
 * begun when the run is stopping (SIGTERM) is not sent: it is left, without an outcome, for the next run; the images
 * under way are awaited (each request is bounded by its timeout). Once the run is halted (a failure every request
 * would share) the images not begun get that failure instead of a request. Other captioners (concurrency 0) get the
 * batch whole.
 */
final class ImagesInFlight {
    /** Takes the outcome of the batch's image {@code index}; called from several threads. */
    interface Sink {
        void accept(int index, CaptionPass.Outcome outcome);
    }

    private final CaptionPass pass;
    private final int concurrency;
    private final ThreadPoolExecutor pool;

    ImagesInFlight(CaptionPass pass, int concurrency) {
        this.pass = pass;
        this.concurrency = concurrency;
        int threads = Math.max(1, concurrency);
        // threads only while a run sends requests: idle ones end, so a server running many jobs keeps none
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "caption-image");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code batch}, returning when every outcome it will give was given to {@code sink}.
     *
     * @param stopping true once no new image may be sent
     * @param halted the failure that ends the run, or null
     */
    void run(List<Captioner.Prepared> batch, BooleanSupplier stopping, Supplier<RuntimeException> halted,
             Sink sink) {
        if (concurrency == 0) {
            RuntimeException halt = halted.get();
            List<CaptionPass.Outcome> outcomes = halt == null ? pass.run(batch)
                    : batch.stream().map(p -> CaptionPass.Outcome.failed(halt)).toList();
            for (int i = 0; i < outcomes.size(); i++) {
                sink.accept(i, outcomes.get(i));
            }
            return;
        }
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        List<Future<?>> images = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            images.add(pool.submit(() -> one(batch.get(index), index, stopping, () -> {
                RuntimeException halt = halted.get();
                return halt != null ? halt : fatal.get();
            }, fatal, sink)));
        }
        awaitAll(images);
    }

    private void one(Captioner.Prepared image, int index, BooleanSupplier stopping, Supplier<RuntimeException> halted,
                     AtomicReference<RuntimeException> fatal, Sink sink) {
        if (stopping.getAsBoolean()) {
            return; // SIGTERM came before its turn: the next run sends it
        }
        RuntimeException halt = halted.get();
        if (halt != null) {
            sink.accept(index, CaptionPass.Outcome.failed(halt));
            return;
        }
        CaptionPass.Outcome outcome = pass.run(List.of(image)).get(0);
        if (outcome.fatal()) {
            fatal.compareAndSet(null, outcome.failure());
        }
        sink.accept(index, outcome);
    }

    private static void awaitAll(List<Future<?>> images) {
        RuntimeException first = null;
        for (Future<?> f : images) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r
                            : new TaglineException("Captioning failed: " + e.getCause(), "", e.getCause());
                }
            } catch (InterruptedException e) {
                images.forEach(other -> other.cancel(true));
                Thread.currentThread().interrupt();
                throw new TaglineException("Captioning was interrupted", "", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
