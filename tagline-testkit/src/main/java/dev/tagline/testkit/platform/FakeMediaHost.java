package dev.tagline.testkit.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves clip videos in the layout of {@code tagline serve}'s public video links, for URL-pulling platforms and webhook
 * receivers: {@code GET} and {@code HEAD /public/v/POST-SECRET/NAME} answer the video registered for POST when NAME is
 * its file name. The secret is not checked here: {@code tagline serve}'s own route is tested against the real server
 * in tagline-app.
 */
public final class FakeMediaHost extends FakeHttpServer {
    private static final Pattern LINK = Pattern.compile("/public/v/(\\d+)-[A-Za-z0-9_-]+/([^/]+)");
    private final Map<Long, Path> byPost = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile LongFunction<Path> videoOfPost = id -> null;

    /** Serves {@code file} as post {@code postId}'s video. */
    public void serve(long postId, Path file) {
        byPost.put(postId, file);
    }

    /** Serves each post's video as {@code videoOfPost} finds it (null: 404). */
    public void serveAll(LongFunction<Path> videoOfPost) {
        this.videoOfPost = videoOfPost;
    }

    /** {@code METHOD PATH} of every request that reached the host, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        requests.add(method + " " + ex.getRequestURI().getRawPath());
        Matcher m = LINK.matcher(ex.getRequestURI().getRawPath());
        Path file = null;
        if (m.matches() && (method.equals("GET") || method.equals("HEAD"))) {
            long post = Long.parseLong(m.group(1));
            file = byPost.containsKey(post) ? byPost.get(post) : videoOfPost.apply(post);
            String name = URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            file = file != null && Files.isRegularFile(file) && file.getFileName().toString().equals(name) ? file : null;
        }
        if (file == null) {
            send(ex, 404, method.equals("HEAD") ? "" : "{\"error\":\"not found\"}");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "video/mp4");
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", Long.toString(Files.size(file)));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }
}
