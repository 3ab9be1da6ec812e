package dev.tagline.inference.store;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read chunk by chunk with a limit on silence. {@code java.net.http.HttpClient} has no read timeout,
 * and a thread blocked in the {@code InputStream} of {@code BodyHandlers.ofInputStream()} waits as long as the server
 * keeps the connection open. (Closing that stream from a watchdog thread does unblock the read on JDK 17.0.15, with
 * {@code IOException: closed}, but needs a second thread per download and a race-free hand-off between the two.) Here
 * the client's chunks are handed over through a queue that the reader polls with a timeout, so a stalled body ends in
 * an {@link IOException} on the reading thread itself; the subscription is then cancelled, which makes the client
 * drop the connection. One chunk is requested at a time, so a slow disk holds the network back rather than filling
 * memory. One reader thread.
 */
final class BodyChunks implements HttpResponse.BodySubscriber<BodyChunks> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<BodyChunks> self = CompletableFuture.completedFuture(this);
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    /** A handler whose {@code send} returns as soon as the headers are in, like {@code ofInputStream()}. */
    static HttpResponse.BodyHandler<BodyChunks> handler() {
        return info -> new BodyChunks();
    }

    /**
     * The next chunk, or null at the end of the body.
     *
     * @throws StalledException when no chunk arrived for {@code stallTimeout}; the body is cancelled
     * @throws IOException      when the connection failed
     */
    List<ByteBuffer> next(Duration stallTimeout) throws IOException, InterruptedException {
        Object item = queue.poll(stallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            cancel();
            throw new StalledException(stallTimeout);
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Throwable failure) {
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        subscription.request(1);
        @SuppressWarnings("unchecked") // only onNext puts lists in the queue
        List<ByteBuffer> chunk = (List<ByteBuffer>) item;
        return chunk;
    }

    /** Gives the body up (an error page, a redirect, a stall); the client closes or reuses the connection. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public CompletionStage<BodyChunks> getBody() {
        return self;
    }

    /** No byte of the body arrived for the stall timeout. */
    static final class StalledException extends IOException {
        private static final long serialVersionUID = 1L;

        StalledException(Duration stallTimeout) {
            super("no data for " + (stallTimeout.toMillis() % 1000 == 0 ? stallTimeout.toSeconds() + " s"
                    : stallTimeout.toMillis() + " ms") + " (stall timeout, HF_HUB_DOWNLOAD_TIMEOUT)");
        }
    }
}
