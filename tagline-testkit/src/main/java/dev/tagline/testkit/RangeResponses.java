package dev.tagline.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the fake servers' responses: bodies with HTTP Range support, redirects, errors; records each one. */
final class RangeResponses {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int CHUNK = 1 << 16;
    private final List<FakeHuggingFaceHub.Request> log;
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private final AtomicLong stallAfter = new AtomicLong(-1);
    private final AtomicReference<Failures> failures = new AtomicReference<>();
    /** Released when the fake Hub closes: a stalled response holds its connection open until then. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicReference<Duration> throttle = new AtomicReference<>(Duration.ZERO);

    RangeResponses(List<FakeHuggingFaceHub.Request> log) {
        this.log = log;
    }

    void cutOnce(long bytes) {
        cutAfter.set(bytes);
    }

    /** The next {@code remaining} requests are answered {@code status} with {@code headers}. */
    private record Failures(int remaining, int status, Map<String, String> headers) {
    }

    void failNext(int times, int status, Map<String, String> headers) {
        failures.set(times <= 0 ? null : new Failures(times, status, headers));
    }

    /** Answers the request with the error {@link #failNext} asked for, if any is left; true when it did. */
    boolean failed(String server, HttpExchange exchange) throws IOException {
        Failures failing = failures.getAndUpdate(f -> f == null || f.remaining() <= 1 ? null
                : new Failures(f.remaining() - 1, f.status(), f.headers()));
        if (failing != null) {
            error(server, exchange, failing.status(), failing.headers());
        }
        return failing != null;
    }

    void stallOnce(long bytes) {
        stallAfter.set(bytes);
    }

    void close() {
        closing.countDown();
    }

    void throttle(Duration perChunk) {
        throttle.set(perChunk);
    }

    void error(String server, HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        record(server, exchange, status, 0);
        exchange.sendResponseHeaders(status, -1);
    }

    void redirect(String server, HttpExchange exchange, Map<String, String> headers) throws IOException {
        error(server, exchange, 302, headers);
    }

    void body(String server, HttpExchange exchange, byte[] content, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        long start = 0;
        long end = content.length - 1L;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                end = Math.min(end, Long.parseLong(m.group(2)));
            }
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                error(server, exchange, 416, Map.of());
                return;
            }
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + content.length);
        }
        long length = end - start + 1;
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            record(server, exchange, status, 0);
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        long limit = cutAfter.getAndSet(-1);
        long stall = limit < 0 ? stallAfter.getAndSet(-1) : -1;
        long toSend = Math.min(length, limit >= 0 ? limit : stall >= 0 ? stall : length);
        // recorded before the client can see the response, so a test that has its answer also has the record
        record(server, exchange, status, toSend);
        exchange.sendResponseHeaders(status, length);
        long sent = 0;
        OutputStream out = exchange.getResponseBody();
        while (sent < toSend) {
            int n = (int) Math.min(CHUNK, toSend - sent);
            out.write(content, (int) (start + sent), n);
            sent += n;
            pause();
        }
        out.flush();
        if (stall >= 0 && sent < length) {
            holdOpen();
        }
        if (sent < length) {
            // closing an exchange whose fixed-length body is unfinished drops the connection, as a network failure
            throw new IOException("fake Hub: connection cut after " + sent + " bytes (as asked)");
        }
    }

    /** Sends nothing more, without closing the connection, until the Hub closes (at most ten minutes). */
    private void holdOpen() {
        try {
            closing.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause() {
        Duration pause = throttle.get();
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(String server, HttpExchange exchange, int status, long bodyBytes) {
        log.add(new FakeHuggingFaceHub.Request(server, exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Range"),
                exchange.getRequestHeaders().getFirst("Authorization"), status, bodyBytes));
    }
}
