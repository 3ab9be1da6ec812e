package dev.tagline.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Hugging Face Hub for tests, on a random port of 127.0.0.1. It serves
 * {@code /{org}/{name}/resolve/{revision}/{path}} (GET and HEAD) the way huggingface.co does:
 * <ul>
 *   <li>a file kept in git ({@link #addFile}): 200 with {@code ETag: "<git blob sha1>"} and {@code X-Repo-Commit};</li>
 *   <li>an LFS file ({@link #addLfsFile}): 302 to a second server standing for the CDN (another port, so another
 *       origin), with {@code X-Linked-Etag: "<sha256>"}, {@code X-Linked-Size}, {@code X-Repo-Commit};</li>
 *   <li>both servers honour {@code Range: bytes=N-} (206, {@code Content-Range}; 416 past the end);</li>
 *   <li>errors carry {@code X-Error-Code} and {@code X-Error-Message}: {@code GatedRepo} (401 without a token, 403
 *       with a wrong one), {@code RepoNotFound} (401 without a token, 404 with one, as the Hub hides private repos),
 *       {@code RevisionNotFound} and {@code EntryNotFound} (404).</li>
 * </ul>
 * Every request is recorded ({@link #requests()}), including the {@code Authorization} header each server saw.
 * {@link #cutConnectionOnce(long)} breaks the next body after N bytes, to test resumable downloads;
 * {@link #stallOnce(long)} sends N bytes of the next body and then nothing, holding the connection open, to test stall
 * timeouts; {@link #failNext} answers the next requests to the Hub with an error such as 503 or 429, to test retries.
 * Each server answers requests on a thread of its own, so a stalled response does not hold up the next one. Plain
 * http stands for a self-hosted mirror: an h2c upgrade offer gets 400, as from uvicorn.
 */
public final class FakeHuggingFaceHub implements AutoCloseable {
    /**
     * What one server saw and answered, recorded as the answer starts; {@code bodyBytes} is the number of body bytes
     * the server sends (fewer than the file's when the connection is cut, or the client went away).
     */
    public record Request(String server, String method, String path, String range, String authorization,
                          int status, long bodyBytes) {
    }

    record Repo(String commit, Map<String, HubFile> files, String[] token) {
    }

    record HubFile(byte[] content, boolean lfs, String sha256, String gitSha1) {
    }

    private final HttpServer hub;
    private final HttpServer cdn;
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final RangeResponses responses = new RangeResponses(requests);
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-hub");
        thread.setDaemon(true);
        return thread;
    });

    private FakeHuggingFaceHub() throws IOException {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        hub = HttpServer.create(local, 0);
        cdn = HttpServer.create(local, 0);
        hub.createContext("/", this::hub);
        cdn.createContext("/", this::cdn);
        hub.setExecutor(handlers);
        cdn.setExecutor(handlers);
        hub.start();
        cdn.start();
    }

    public static FakeHuggingFaceHub start() {
        try {
            return new FakeHuggingFaceHub();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Hub on 127.0.0.1", e);
        }
    }

    /** What {@code HF_ENDPOINT} should be set to. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
    }

    /** The origin of the fake CDN that LFS downloads are redirected to. */
    public URI cdnEndpoint() {
        return URI.create("http://127.0.0.1:" + cdn.getAddress().getPort());
    }

    /** A small file kept in git (served directly). */
    public FakeHuggingFaceHub addFile(String repo, String path, byte[] content) {
        return add(repo, path, content, false);
    }

    /** A large file kept in LFS (served by a redirect to the CDN). */
    public FakeHuggingFaceHub addLfsFile(String repo, String path, byte[] content) {
        return add(repo, path, content, true);
    }

    /** Makes {@code repo} gated: only requests with {@code Authorization: Bearer <token>} may download. */
    public FakeHuggingFaceHub gate(String repo, String token) {
        repo(repo).token()[0] = token;
        return this;
    }

    /** The commit that {@code main} of {@code repo} points at (sent as {@code X-Repo-Commit}). */
    public String commit(String repo) {
        return repo(repo).commit();
    }

    /** The next response body, on either server, stops after {@code bytes} bytes and the connection is dropped. */
    public void cutConnectionOnce(long bytes) {
        responses.cutOnce(bytes);
    }

    /**
     * The next response body, on either server, sends {@code bytes} bytes and then nothing more; the connection stays
     * open (until the fake Hub closes), as a server or proxy that hangs mid-file.
     */
    public void stallOnce(long bytes) {
        responses.stallOnce(bytes);
    }

    /** The next {@code times} requests to the Hub (not the CDN) are answered {@code status}, e.g. 503 or 429. */
    public void failNext(int times, int status) {
        responses.failNext(times, status, Map.of());
    }

    /** As {@link #failNext(int, int)}, with {@code Retry-After: retryAfter} (seconds or an HTTP date). */
    public void failNext(int times, int status, String retryAfter) {
        responses.failNext(times, status, Map.of("Retry-After", retryAfter));
    }

    /** Each body write pauses this long per 64 KiB, so that concurrent clients overlap. */
    public void throttle(java.time.Duration perChunk) {
        responses.throttle(perChunk);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        responses.close();
        hub.stop(0);
        cdn.stop(0);
        handlers.shutdownNow();
    }

    private FakeHuggingFaceHub add(String repo, String path, byte[] content, boolean lfs) {
        String sha256 = hex("SHA-256", content, null);
        String gitSha1 = hex("SHA-1", content, ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        repo(repo).files().put(path, new HubFile(content.clone(), lfs, sha256, gitSha1));
        if (lfs) {
            blobs.put(sha256, content.clone());
        }
        return this;
    }

    private Repo repo(String repo) {
        return repos.computeIfAbsent(repo, r -> new Repo(hex("SHA-1", r.getBytes(StandardCharsets.UTF_8), null),
                new ConcurrentHashMap<>(), new String[1]));
    }

    private void hub(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (UvicornUpgrades.refused(exchange)) { // a plain-http Hub is a mirror such as olah
                return;
            }
            if (!responses.failed("hub", exchange)) {
                new HubRoutes(repos, responses, cdnEndpoint()).handle(exchange);
            }
        }
    }

    private void cdn(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (UvicornUpgrades.refused(exchange)) { // a plain-http Hub is a mirror such as olah
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] blob = path.startsWith("/lfs/") ? blobs.get(path.substring("/lfs/".length())) : null;
            if (blob == null) {
                responses.error("cdn", exchange, 404, Map.of());
                return;
            }
            responses.body("cdn", exchange, blob, Map.of("ETag", "\"" + path.substring(5) + "\""));
        }
    }

    static String hex(String algorithm, byte[] content, byte[] prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            if (prefix != null) {
                digest.update(prefix);
            }
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
