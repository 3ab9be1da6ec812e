package dev.tagline.testkit.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves clip files at {@code /media/ID/NAME}, the way {@code tagline serve} or a CDN would for URL-pulling platforms. */
public final class FakeMediaHost extends FakeHttpServer {
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    /** Makes {@code file} available at {@code baseUrl()/media/mediaId/fileName}. */
    public void serve(long mediaId, Path file) {
        files.put("/media/" + mediaId + "/" + file.getFileName(), file);
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        Path file = files.get(ex.getRequestURI().getPath());
        if (file == null || !ex.getRequestMethod().equals("GET")) {
            send(ex, 404, "{\"error\":\"not found\"}");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }
}
