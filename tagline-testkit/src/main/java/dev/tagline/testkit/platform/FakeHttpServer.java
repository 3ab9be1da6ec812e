package dev.tagline.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The base of the fake platform servers: a JDK HTTP server on 127.0.0.1 and a free port, a fixed latency per request
 * (to measure throughput), scripted faults ({@link #failNext}), and small JSON helpers. Subclasses route in
 * {@link #handle}.
 */
public abstract class FakeHttpServer implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and the client's delayed ACK that
        // adds ~40 ms to every answer, which would swamp the latency a test sets on purpose.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    /**
     * A request held on arrival until {@link #release()}: a test kills the client meanwhile, then releases, and the
     * platform processes a request whose sender is gone (the ambiguous outcome of a real crash).
     */
    public static final class Pause {
        private final java.util.function.Predicate<HttpExchange> match;
        private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        Pause(java.util.function.Predicate<HttpExchange> match) {
            this.match = match;
        }

        /** Waits for the matching request; false on timeout. */
        public boolean awaitArrival(Duration timeout) throws InterruptedException {
            return arrived.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    private final Deque<Pause> pauses = new ConcurrentLinkedDeque<>();

    /** Holds the next request that {@code match} accepts until the returned pause is released. */
    public Pause pauseNext(java.util.function.Predicate<HttpExchange> match) {
        Pause pause = new Pause(match);
        pauses.add(pause);
        return pause;
    }

    /** A scripted failure: the next request whose method and path match gets {@code status} instead. */
    public record Fault(String method, String pathPart, int status, Duration retryAfter, String body) {
    }

    protected FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request waits this long before it is handled. */
    public void latency(Duration d) {
        this.latency = d;
    }

    public int requestCount() {
        return requests.get();
    }

    /** The next matching request answers {@code status} (with {@code Retry-After} when given) and does nothing. */
    public void failNext(String method, String pathPart, int status, Duration retryAfter, String body) {
        faults.add(new Fault(method, pathPart, status, retryAfter, body));
    }

    private void dispatch(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            for (Pause pause : pauses) {
                if (pause.match.test(ex) && pauses.remove(pause)) {
                    pause.arrived.countDown();
                    pause.released.await();
                }
            }
            for (Fault f : faults) {
                if (f.method().equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().contains(f.pathPart())
                        && faults.remove(f)) {
                    if (f.retryAfter() != null) {
                        ex.getResponseHeaders().add("Retry-After", Long.toString(f.retryAfter().toSeconds()));
                    }
                    send(ex, f.status(), f.body() == null ? "{}" : f.body());
                    return;
                }
            }
            handle(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** Routes one request; must send a response (or close the exchange to simulate a dropped connection). */
    protected abstract void handle(HttpExchange ex) throws IOException;

    protected static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    protected static byte[] body(HttpExchange ex) throws IOException {
        return ex.getRequestBody().readAllBytes();
    }

    protected static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (IOException e) {
            return null;
        }
    }

    protected static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            q.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** A Google-style error body: {@code {"error":{"code":…,"message":…,"errors":[{"reason":…}]}}}. */
    protected static String googleError(int code, String reason, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":" + quote(message) + ",\"errors\":[{\"reason\":"
                + quote(reason) + ",\"message\":" + quote(message) + "}]}}";
    }

    protected static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
